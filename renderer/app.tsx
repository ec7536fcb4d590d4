// The app shell: for now the manual settings form and its test report.
import { useState } from 'react';
import type { CheckReport } from '../shared/check-report.ts';
import type { Security } from '../shared/server-settings.ts';
import { call, newCheckId } from './api.ts';

export function App() {
  const [email, setEmail] = useState('');
  const [host, setHost] = useState('');
  const [port, setPort] = useState('993');
  const [security, setSecurity] = useState<Security>('tls');
  const [password, setPassword] = useState('');
  const [report, setReport] = useState<CheckReport | null>(null);
  const [error, setError] = useState('');

  async function test() {
    setError('');
    setReport(null);
    try {
      setReport(
        await call('startCheck', {
          checkId: newCheckId(),
          settings: { email, host, port: Number(port), security, username: email },
          password,
        }),
      );
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }

  return (
    <main>
      <h1>Mail Setup</h1>
      <label>Email address <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} /></label>
      <label>Server <input value={host} onChange={(e) => setHost(e.target.value)} /></label>
      <label>Port <input inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value)} /></label>
      <label>
        Security
        <select value={security} onChange={(e) => setSecurity(e.target.value as Security)}>
          <option value="tls">SSL/TLS</option>
          <option value="starttls">STARTTLS</option>
          <option value="none">None</option>
        </select>
      </label>
      <label>Password <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} /></label>
      <button type="button" onClick={test}>Test Account Settings</button>
      {error && <p role="alert">{error}</p>}
      {report && (
        <ol aria-label="Test report">
          {report.steps.map((step) => (
            <li key={step.id} data-step={step.id} data-status={step.status}>{step.id}: {step.detail}</li>
          ))}
          {report.failure && <li role="alert" data-failure-category={report.failure.category}>{report.failure.message}</li>}
        </ol>
      )}
    </main>
  );
}
