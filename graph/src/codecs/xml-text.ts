// XML escaping for the GEXF and GraphML writers.

// Characters XML 1.0 forbids even as references (C0 controls but tab/LF/CR, U+FFFE/F).
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(value: string): string {
  return value
    .replace(INVALID_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

export function xmlAttributes(attrs: Record<string, string | number | undefined>): string {
  let out = '';
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== '') out += ` ${k}="${escapeXml(String(v))}"`;
  return out;
}
