// The app's way to the public registration page: a short note and a link.
import type { ToolProps } from '../state/types.ts';
import { useT } from '../i18n/index.ts';

export function RegisterLinkTool({ state }: ToolProps) {
  const t = useT();
  return (
    <div className="register-link-tool">
      <p>{t('register.invite')}</p>
      <a className="button-link" href={`/register?lang=${state.lang}`} data-testid="register-link">{t('register.open')}</a>
    </div>
  );
}
