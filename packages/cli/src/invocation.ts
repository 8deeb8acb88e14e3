/**
 * How the person at the keyboard ran `dossier`, so that hints name a command that works for them: through the
 * repository's root script (`pnpm dossier`), `pnpm exec`, `npx`, or an installed binary on the PATH. Package
 * managers say which in the environment they give the process.
 */
export const invocationOf = (env: Readonly<Record<string, string | undefined>>): string => {
  const agent = env['npm_config_user_agent'] ?? '';
  const pnpm = agent.startsWith('pnpm/');
  if (env['npm_command'] === 'exec') return pnpm ? 'pnpm exec dossier' : 'npx dossier';
  if (env['npm_command'] === 'run-script' && env['npm_lifecycle_event'] === 'dossier')
    return pnpm ? 'pnpm dossier' : 'npm run dossier --';
  return 'dossier';
};
