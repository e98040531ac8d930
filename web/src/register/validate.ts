// The registration form's checks before sending (the server checks again) and
// the request body built from the form.
import type { T } from '../i18n/index.ts';
import type { RegistrationRequest } from '../review/types.ts';
import type { Option } from './AsyncCombobox.tsx';

export interface Draft {
  name: string;
  kind: string;
  municipality: Option | null;
  website: string;
  /** Comma- or semicolon-separated. */
  topics: string;
  collaborations: Option[];
  description: string;
  contactName: string;
  contactEmail: string;
  consent: boolean;
  homepage: string;
}

/** Message per form field: name, kind, municipality, website, topics, collaborations, description, contact.name, contact.email, consent. */
export type FieldErrors = Record<string, string>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A server error path (`body.contact.email`, `body.topics.2`) → the form field it belongs to. */
export function fieldOfPath(path: string): string {
  const parts = path.replace(/^body\.?/, '').split('.');
  if (parts[0] === 'contact' && parts[1]) return `contact.${parts[1]}`;
  return parts[0] || 'name';
}

export function splitTopics(text: string): string[] {
  return [...new Set(text.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean))];
}

/** A bare host (www.example.org) gets https:// in front. */
export function normaliseWebsite(text: string): string {
  const s = text.trim();
  if (!s) return '';
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : `https://${s}`;
}

export function validateRegistration(d: Draft, t: T): { errors: FieldErrors; body: RegistrationRequest | null } {
  const errors: FieldErrors = {};
  const name = d.name.trim();
  if (!name) errors.name = t('register.error.name');
  else if (name.length > 200) errors.name = t('register.error.tooLong', { max: 200 });
  if (!d.kind) errors.kind = t('register.error.kind');
  const website = normaliseWebsite(d.website);
  if (website) {
    try {
      const u = new URL(website);
      if (!/^https?:$/.test(u.protocol) || !u.hostname.includes('.')) throw new Error('not a web address');
    } catch {
      errors.website = t('register.error.website');
    }
  }
  const topics = splitTopics(d.topics);
  if (topics.length > 20) errors.topics = t('register.error.topicsCount', { max: 20 });
  else if (topics.some((x) => x.length > 100)) errors.topics = t('register.error.tooLong', { max: 100 });
  if (d.description.trim().length > 2000) errors.description = t('register.error.tooLong', { max: 2000 });
  const contactName = d.contactName.trim();
  const contactEmail = d.contactEmail.trim();
  if (contactEmail && !EMAIL.test(contactEmail)) errors['contact.email'] = t('register.error.email');
  if ((contactName || contactEmail) && !d.consent) errors.consent = t('register.error.consent');
  if (Object.keys(errors).length) return { errors, body: null };
  const hasContact = d.consent && (contactName || contactEmail);
  return {
    errors,
    body: {
      name,
      kind: d.kind,
      ...(d.municipality ? { municipality: d.municipality.id } : {}),
      ...(website ? { website } : {}),
      topics,
      collaborations: d.collaborations.map((c) => c.id),
      ...(d.description.trim() ? { description: d.description.trim() } : {}),
      ...(hasContact ? { contact: { ...(contactName ? { name: contactName } : {}), ...(contactEmail ? { email: contactEmail } : {}) } } : {}),
      consent: d.consent,
      ...(d.homepage ? { homepage: d.homepage } : {}),
    },
  };
}
