// The public page /register: an organisation proposes itself for the atlas —
// name, kind, municipality (gazetteer autocomplete), website, topics, and its
// collaborations with actors already on the map (autocomplete). It goes to
// POST /api/register and waits in the review queue. Contact details are sent
// only with the consent box ticked; a hidden honeypot field catches bots.
// Errors are listed in a summary that takes focus and next to each field.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { ACTOR_KINDS } from '@atlas/graph/model/vocabulary.ts';
import { ApiClient, ApiError } from '../api/client.ts';
import { LANGUAGE_NAMES, LOCALES, LanguageContext, makeT, type T } from '../i18n/index.ts';
import { LANGUAGES, type Language } from '../state/types.ts';
import { term } from '../graph-data/terms.ts';
import { AsyncCombobox, type Option } from './AsyncCombobox.tsx';
import { initialLanguage } from './language.ts';
import { fieldOfPath, validateRegistration, type Draft, type FieldErrors } from './validate.ts';
import '../review/review.css';

type Outcome = { kind: 'queued'; name: string } | { kind: 'duplicate'; detail: string } | { kind: 'limited' } | null;

/** The form field (error key) each part of the draft belongs to. */
const FIELD_OF_DRAFT: Record<keyof Draft, string> = {
  name: 'name', kind: 'kind', municipality: 'municipality', website: 'website', topics: 'topics', collaborations: 'collaborations',
  description: 'description', contactName: 'contact.name', contactEmail: 'contact.email', consent: 'consent', homepage: 'homepage',
};

const EMPTY: Draft = { name: '', kind: '', municipality: null, website: '', topics: '', collaborations: [], description: '', contactName: '', contactEmail: '', consent: false, homepage: '' };

export function RegisterPage() {
  const [lang, setLang] = useState<Language>(() => initialLanguage(window.location.search, navigator.language));
  const t = useMemo(() => makeT(lang), [lang]);
  useEffect(() => {
    document.documentElement.lang = LOCALES[lang];
    document.title = `${t('register.title')} · ${t('app.title')}`;
    const url = new URL(window.location.href);
    url.searchParams.set('lang', lang);
    window.history.replaceState(null, '', url);
  }, [lang, t]);
  return (
    <LanguageContext.Provider value={lang}>
      <RegisterForm t={t} lang={lang} setLang={setLang} />
    </LanguageContext.Provider>
  );
}

function RegisterForm({ t, lang, setLang }: { t: T; lang: Language; setLang(l: Language): void }) {
  const id = useId();
  const api = useMemo(() => new ApiClient(), []);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const summary = useRef<HTMLDivElement>(null);
  const result = useRef<HTMLDivElement>(null);
  const [attempt, setAttempt] = useState(0);
  // Changing a field clears its error; the summary keeps the others until the next submit.
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    const name = FIELD_OF_DRAFT[key];
    setErrors((e) => {
      if (!(name in e)) return e;
      const rest = { ...e };
      delete rest[name];
      return rest;
    });
  };
  const fid = (field: string) => `${id}-${field.replace('.', '-')}`;

  const hasErrors = Object.keys(errors).length > 0 || problem !== null;
  // After each submit with errors, the summary takes focus (and is announced as an alert).
  useEffect(() => {
    if (attempt > 0) summary.current?.focus();
  }, [attempt]);
  useEffect(() => {
    if (outcome) result.current?.focus();
  }, [outcome]);

  const submit = async () => {
    setOutcome(null);
    setProblem(null);
    const { errors: found, body } = validateRegistration(draft, t);
    setErrors(found);
    if (!body) {
      setAttempt((a) => a + 1);
      return;
    }
    setBusy(true);
    try {
      await api.register(body);
      setOutcome({ kind: 'queued', name: body.name });
      setDraft(EMPTY);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) setOutcome({ kind: 'duplicate', detail: e.problem.detail ?? e.problem.title });
      else if (e instanceof ApiError && e.status === 429) setOutcome({ kind: 'limited' });
      else if (e instanceof ApiError && e.problem.errors?.length) {
        const byField: FieldErrors = {};
        for (const err of e.problem.errors) byField[fieldOfPath(err.path)] ??= err.message;
        setErrors(byField);
        setProblem(e.problem.detail ?? e.problem.title);
        setAttempt((a) => a + 1);
      } else {
        setProblem(e instanceof Error ? e.message : String(e));
        setAttempt((a) => a + 1);
      }
    } finally {
      setBusy(false);
    }
  };

  const field = (name: keyof FieldErrors & string) => ({
    id: fid(name),
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': [`${fid(name)}-hint`, errors[name] ? `${fid(name)}-error` : ''].filter(Boolean).join(' '),
  });
  const errorOf = (name: string) => (errors[name] ? <p className="field-error" id={`${fid(name)}-error`}>{errors[name]}</p> : null);
  const hint = (name: string, text: string) => <span className="hint" id={`${fid(name)}-hint`}>{text}</span>;

  const loadPlaces = async (q: string, signal: AbortSignal): Promise<Option[]> =>
    (await api.places(q, 8, signal)).map((p) => ({ id: p.ineCode, label: p.name, detail: `${p.province} (${p.region})` }));
  const loadActors = async (q: string, signal: AbortSignal): Promise<Option[]> =>
    (await api.search(q, { limit: 8, labels: ['Actor'] }, signal))
      .filter((h) => !draft.collaborations.some((c) => c.id === h.id))
      .map((h) => ({ id: h.id, label: h.name, detail: term(t, 'kind', h.kind) }));

  return (
    <div className="register-page" data-testid="register-page">
      <header>
        <h1>{t('register.title')}</h1>
        <a href={`/?lang=${lang}`}>{t('register.backToAtlas')}</a>
        <label htmlFor={`${id}-lang`} className="sr-only">{t('lang.label')}</label>
        <select id={`${id}-lang`} value={lang} onChange={(e) => setLang(e.target.value as Language)} data-testid="register-language">
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>{LANGUAGE_NAMES[l]}</option>
          ))}
        </select>
      </header>
      <main>
        <p>{t('register.intro')}</p>
        {hasErrors && (
          <div ref={summary} className="register-result bad" role="alert" tabIndex={-1} data-testid="register-errors">
            <h2>{t('register.errorsTitle')}</h2>
            {problem && <p>{problem}</p>}
            <ul>
              {Object.entries(errors).map(([name, message]) => (
                <li key={name}>
                  <a href={`#${fid(name)}`}>{t.has(`register.short.${name}`) ? t(`register.short.${name}`) : t(`register.field.${name}`)}</a>: {message}
                </li>
              ))}
            </ul>
          </div>
        )}
        {outcome && (
          <div ref={result} tabIndex={-1} role="status" className={`register-result ${outcome.kind === 'queued' ? 'ok' : 'warn'}`} data-testid="register-result" data-outcome={outcome.kind}>
            {outcome.kind === 'queued' && (
              <>
                <h2>{t('register.queuedTitle')}</h2>
                <p>{t('register.queued', { name: outcome.name })}</p>
              </>
            )}
            {outcome.kind === 'duplicate' && (
              <>
                <h2>{t('register.duplicateTitle')}</h2>
                <p>{t('register.duplicate')}</p>
                <p className="muted">{outcome.detail}</p>
              </>
            )}
            {outcome.kind === 'limited' && <p>{t('register.limited')}</p>}
          </div>
        )}
        <form
          noValidate
          aria-describedby={`${id}-required`}
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <p id={`${id}-required`} className="muted">{t('register.required')}</p>
          <fieldset>
            <legend>{t('register.organisation')}</legend>
            <div className="register-field">
              <label htmlFor={fid('name')}>{t('register.field.name')} *</label>
              {hint('name', t('register.hint.name'))}
              <input type="text" {...field('name')} required aria-required="true" maxLength={200} autoComplete="organization" value={draft.name} onChange={(e) => set('name', e.target.value)} />
              {errorOf('name')}
            </div>
            <div className="register-field">
              <label htmlFor={fid('kind')}>{t('register.field.kind')} *</label>
              {hint('kind', t('register.hint.kind'))}
              <select {...field('kind')} required aria-required="true" value={draft.kind} onChange={(e) => set('kind', e.target.value)}>
                <option value="">{t('register.choose')}</option>
                {ACTOR_KINDS.map((k) => (
                  <option key={k} value={k}>{term(t, 'kind', k)}</option>
                ))}
              </select>
              {errorOf('kind')}
            </div>
            <AsyncCombobox
              label={t('register.field.municipality')}
              hint={t('register.hint.municipality')}
              inputId={fid('municipality')}
              load={loadPlaces}
              value={draft.municipality ? `${draft.municipality.label}${draft.municipality.detail ? ` · ${draft.municipality.detail}` : ''}` : ''}
              onPick={(o) => set('municipality', o)}
              onClear={() => set('municipality', null)}
              error={errors.municipality}
              testId="register-municipality"
            />
            <div className="register-field">
              <label htmlFor={fid('website')}>{t('register.field.website')}</label>
              {hint('website', t('register.hint.website'))}
              <input type="url" {...field('website')} maxLength={2000} autoComplete="url" placeholder="https://" value={draft.website} onChange={(e) => set('website', e.target.value)} />
              {errorOf('website')}
            </div>
            <div className="register-field">
              <label htmlFor={fid('topics')}>{t('register.field.topics')}</label>
              {hint('topics', t('register.hint.topics'))}
              <input type="text" {...field('topics')} value={draft.topics} onChange={(e) => set('topics', e.target.value)} />
              {errorOf('topics')}
            </div>
            <div className="register-field">
              <label htmlFor={fid('description')}>{t('register.field.description')}</label>
              {hint('description', t('register.hint.description'))}
              <textarea {...field('description')} rows={3} maxLength={2000} value={draft.description} onChange={(e) => set('description', e.target.value)} />
              {errorOf('description')}
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('register.collaborationsLegend')}</legend>
            <AsyncCombobox
              label={t('register.field.collaborations')}
              hint={t('register.hint.collaborations')}
              inputId={fid('collaborations')}
              load={loadActors}
              clearOnPick
              onPick={(o) => set('collaborations', [...draft.collaborations, o].slice(0, 30))}
              error={errors.collaborations}
              testId="register-collaborations"
            />
            {draft.collaborations.length > 0 && (
              <ul className="chips" aria-label={t('register.chosen')}>
                {draft.collaborations.map((c) => (
                  <li key={c.id} data-testid="register-chip">
                    {c.label}
                    <button type="button" aria-label={t('register.remove', { name: c.label })} onClick={() => set('collaborations', draft.collaborations.filter((x) => x.id !== c.id))}>
                      ×
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </fieldset>
          <fieldset>
            <legend>{t('register.contactLegend')}</legend>
            <p className="hint">{t('register.contactNote')}</p>
            <div className="register-field">
              <label htmlFor={fid('contact.name')}>{t('register.field.contact.name')}</label>
              {hint('contact.name', t('register.hint.contactName'))}
              <input type="text" {...field('contact.name')} maxLength={200} autoComplete="name" value={draft.contactName} onChange={(e) => set('contactName', e.target.value)} />
              {errorOf('contact.name')}
            </div>
            <div className="register-field">
              <label htmlFor={fid('contact.email')}>{t('register.field.contact.email')}</label>
              {hint('contact.email', t('register.hint.contactEmail'))}
              <input type="email" {...field('contact.email')} maxLength={300} autoComplete="email" value={draft.contactEmail} onChange={(e) => set('contactEmail', e.target.value)} />
              {errorOf('contact.email')}
            </div>
            <div className="register-field">
              <div className="checkbox">
                <input type="checkbox" {...field('consent')} checked={draft.consent} onChange={(e) => set('consent', e.target.checked)} />
                <label htmlFor={fid('consent')}>{t('register.field.consent')}</label>
              </div>
              {hint('consent', t('register.hint.consent'))}
              {errorOf('consent')}
            </div>
          </fieldset>
          <div className="register-trap" aria-hidden="true">
            <label htmlFor={`${id}-homepage`}>{t('register.trap')}</label>
            <input id={`${id}-homepage`} name="homepage" type="text" tabIndex={-1} autoComplete="off" value={draft.homepage} onChange={(e) => set('homepage', e.target.value)} data-testid="register-trap" />
          </div>
          <button type="submit" className="primary" disabled={busy} data-testid="register-submit">
            {busy ? t('register.sending') : t('register.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
