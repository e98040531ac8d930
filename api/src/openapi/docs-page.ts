// A self-contained, script-free HTML rendering of the OpenAPI document for
// GET /api/docs (no CDN: the page must work offline and under the CSP).

type Json = Record<string, any>;

const esc = (value: unknown) =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function typeOf(schema: Json | undefined, doc: Json): string {
  if (!schema) return '';
  if (schema.$ref) return `<a href="#schema-${esc(schema.$ref.split('/').pop())}">${esc(schema.$ref.split('/').pop())}</a>`;
  if (schema.enum) return schema.enum.map((v: unknown) => `<code>${esc(v)}</code>`).join(' | ');
  if (schema.type === 'array') return `${typeOf(schema.items, doc)}[]`;
  if (schema.anyOf || schema.oneOf) return (schema.anyOf ?? schema.oneOf).map((s: Json) => typeOf(s, doc)).join(' | ');
  const bounds = [
    schema.minimum !== undefined ? `≥ ${schema.minimum}` : '',
    schema.maximum !== undefined ? `≤ ${schema.maximum}` : '',
    schema.default !== undefined ? `default ${JSON.stringify(schema.default)}` : '',
  ].filter(Boolean);
  return `${esc(schema.type ?? 'any')}${bounds.length ? ` <small>(${esc(bounds.join(', '))})</small>` : ''}`;
}

function properties(schema: Json, doc: Json): string {
  const props = Object.entries((schema.properties ?? {}) as Record<string, Json>);
  if (!props.length) return `<p><code>${typeOf(schema, doc)}</code></p>`;
  const required = new Set<string>(schema.required ?? []);
  return `<table><tr><th>field</th><th>type</th><th>description</th></tr>${props
    .map(([name, p]) => `<tr><td><code>${esc(name)}</code>${required.has(name) ? ' *' : ''}</td><td>${typeOf(p, doc)}</td><td>${esc(p.description ?? '')}</td></tr>`)
    .join('')}</table>`;
}

export function renderDocsPage(doc: Json): string {
  const sections: string[] = [];
  const toc: string[] = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
    for (const [method, op] of Object.entries(item as Record<string, Json>)) {
      const anchor = `op-${op.operationId}`;
      toc.push(`<li><a href="#${anchor}"><b>${method.toUpperCase()}</b> ${esc(path)}</a></li>`);
      const params = (op.parameters ?? []) as Json[];
      const responses = Object.entries((op.responses ?? {}) as Record<string, Json>);
      const body = op.requestBody?.content as Record<string, Json> | undefined;
      sections.push(`<section id="${anchor}">
<h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${esc(path)}</code>${op.security ? ' <small>🔒 editor token</small>' : ''}</h3>
<p>${esc(op.summary)}</p>${op.description ? `<p class="d">${esc(op.description)}</p>` : ''}
${params.length ? `<h4>Parameters</h4><table><tr><th>name</th><th>in</th><th>type</th><th>description</th></tr>${params.map((p) => `<tr><td><code>${esc(p.name)}</code>${p.required ? ' *' : ''}</td><td>${esc(p.in)}</td><td>${typeOf(p.schema, doc)}</td><td>${esc(p.description ?? p.schema?.description ?? '')}</td></tr>`).join('')}</table>` : ''}
${body ? `<h4>Request body</h4><ul>${Object.entries(body).map(([type, c]) => `<li><code>${esc(type)}</code> ${typeOf(c.schema, doc)}</li>`).join('')}</ul>` : ''}
<h4>Responses</h4><ul>${responses.map(([status, r]) => `<li><b>${esc(status)}</b> ${esc(r.description)} ${Object.entries((r.content ?? {}) as Record<string, Json>).map(([type, c]) => `<code>${esc(type)}</code> ${typeOf(c.schema, doc)}`).join(', ')}</li>`).join('')}</ul>
</section>`);
    }
  }
  const schemas = Object.entries((doc.components?.schemas ?? {}) as Record<string, Json>)
    .map(([name, schema]) => `<section id="schema-${esc(name)}"><h3>${esc(name)}</h3>${properties(schema, doc)}</section>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info.title)} — reference</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:70rem;padding:1rem 2rem;color:#1b1b1b}
code{background:#f3f3f3;padding:0 .25em;border-radius:3px}table{border-collapse:collapse;margin:.5rem 0}
td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left;vertical-align:top}section{border-top:1px solid #eee;padding:.5rem 0}
.m{display:inline-block;min-width:4.5em;text-align:center;color:#fff;border-radius:3px;font-size:.8em;padding:.1em .3em}
.get{background:#2b6cb0}.post{background:#2f855a}.patch{background:#b7791f}.delete{background:#c53030}.d{color:#444}
</style></head><body>
<h1>${esc(doc.info.title)} <small>${esc(doc.info.version)}</small></h1>
<p>${esc(doc.info.description)}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${esc(doc.openapi)}).</p>
<nav aria-label="Endpoints"><h2>Endpoints</h2><ul>${toc.join('')}</ul></nav>
<main><h2>Operations</h2>${sections.join('\n')}<h2>Schemas</h2>${schemas}</main>
</body></html>`;
}
