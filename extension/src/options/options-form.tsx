import { useEffect, useState } from 'preact/hooks';
import { type ConnectionReport, checkConnection } from './check-connection.ts';
import { parseProxyUrl } from './proxy-origin.ts';

type Settings = { proxyUrl: string; token: string };

type Props = {
  load(): Promise<Settings>;
  save(settings: Settings): Promise<void>;
  requestPermission(originPattern: string): Promise<boolean>;
};

type Status = { tone: 'success' | 'error' | 'info'; text: string };

export function OptionsForm({ load, save, requestPermission }: Props) {
  const [proxyUrl, setProxyUrl] = useState('');
  const [token, setToken] = useState('');
  const [status, setStatus] = useState<Status | null>(null);

  useEffect(() => {
    load().then((settings) => {
      setProxyUrl(settings.proxyUrl);
      setToken(settings.token);
    });
  }, [load]);

  const onSave = async (event: Event) => {
    event.preventDefault();
    const parsed = parseProxyUrl(proxyUrl);
    if (!parsed.ok) return setStatus({ tone: 'error', text: `Bad URL: ${parsed.message}` });
    if (!token.trim()) return setStatus({ tone: 'error', text: 'Paste your Upsignal token.' });

    // The permission prompt needs the click's user gesture, so it is the first thing awaited.
    const granted = await requestPermission(parsed.originPattern);
    await save({ proxyUrl: parsed.proxyUrl, token: token.trim() });
    setProxyUrl(parsed.proxyUrl);
    setStatus(
      granted
        ? { tone: 'success', text: `Saved. Upsignal may now reach ${parsed.origin}.` }
        : {
            tone: 'error',
            text:
              'Saved, but permission denied: ' +
              `Upsignal cannot reach ${parsed.origin} until you allow it.`,
          },
    );
  };

  const onTest = async () => {
    setStatus({ tone: 'info', text: 'Testing…' });
    const report: ConnectionReport = await checkConnection(
      { proxyUrl, token },
      { requestPermission },
    );
    setStatus({ tone: report.ok ? 'success' : 'error', text: report.message });
  };

  return (
    <form class="card" onSubmit={onSave}>
      <h1>Upsignal</h1>
      <p class="muted">
        Connect the extension to your company's Upsignal proxy. Your admin issues the token.
      </p>
      <label class="field">
        <span>Proxy URL</span>
        <input
          type="url"
          data-testid="options-proxy-url"
          placeholder="https://upsignal.example.com"
          value={proxyUrl}
          onInput={(event) => setProxyUrl(event.currentTarget.value)}
        />
      </label>
      <label class="field">
        <span>Token</span>
        <input
          type="password"
          autocomplete="off"
          data-testid="options-token"
          value={token}
          onInput={(event) => setToken(event.currentTarget.value)}
        />
      </label>
      <div class="actions">
        <button type="button" data-testid="options-test" onClick={onTest}>
          Test connection
        </button>
        <button type="submit" class="brand" data-testid="options-save">
          Save
        </button>
      </div>
      {status && (
        <p class={`status ${status.tone}`} role="status" data-testid="options-status">
          {status.text}
        </p>
      )}
    </form>
  );
}
