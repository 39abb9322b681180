// `social-shift report` run in this process, as the CLI's tests run it: its exit code and what it wrote.
import { runCli } from './cli.js';

/** Runs `social-shift report ...args` with standard error not a terminal; gives the exit code and both outputs. */
export async function runReport(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['report', ...args], {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    stderrIsTty: false,
  });
  return { code, stdout, stderr };
}
