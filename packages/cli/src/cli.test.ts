import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli.js';

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
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

describe('social-shift schema', () => {
  it('prints the JSON Schema of the JSON report', async () => {
    const { code, stdout } = await cli('schema');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ title: 'Social Shift report' });
  });

  it.each(['--help', '-h'])('prints the usage for schema %s, as report does', async (flag) => {
    const { code, stdout, stderr } = await cli('schema', flag);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Usage: social-shift <command>/);
  });

  it.each([['--out', 'schema.json'], ['--bogus'], ['extra'], ['--help', 'extra']])(
    'refuses %s instead of ignoring it: it takes no arguments',
    async (...args) => {
      const { code, stdout, stderr } = await cli('schema', ...args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(
        `social-shift: schema takes no arguments (not "${args.join(' ')}"); it prints the JSON Schema to standard output.\n`,
      );
    },
  );
});

describe('social-shift without a command', () => {
  it('prints its usage to standard error with exit code 2, and to standard output for --help', async () => {
    const none = await cli();
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/^Usage: social-shift <command>/);
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: social-shift <command>/);
    expect(help.stderr).toBe('');
  });
});

describe('social-shift --version', () => {
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };

  it.each(['--version', '-v'])('prints the version of the package for %s, exit code 0', async (flag) => {
    expect(await cli(flag)).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('refuses arguments after it, as schema does', async () => {
    const { code, stdout, stderr } = await cli('--version', 'report');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('social-shift: --version takes no arguments (not "report").\n');
  });

  it('is in the usage', async () => {
    expect((await cli('--help')).stdout).toMatch(/^ {2}--version +the version of social-shift$/m);
  });

  it.each([
    ['report', '--version'],
    ['report', '-v'],
    ['report', 'events.ndjson', '--format', 'json', '--version'],
  ])(
    'prints the version for %s %s too, as report takes --help, instead of an unknown option',
    async (...args) => {
      expect(await cli(...args)).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    },
  );

  it("is in report's usage", async () => {
    expect((await cli('report', '--help')).stdout).toMatch(/^ {2}--version +the version of social-shift$/m);
  });

  it('lists -h and --help in both usages, as both print them', async () => {
    for (const args of [['--help'], ['-h'], ['report', '--help'], ['report', '-h']]) {
      const { code, stdout } = await cli(...args);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^ {2}-h, --help +this help$/m);
    }
  });
});

describe('report --help', () => {
  // It said "an ISO instant", and --from 2026-01-01T00:00+01:00 was then refused: only UTC instants are taken.
  it('says that --from and --to take UTC instants, as they do', async () => {
    const { stdout } = await cli('report', '--help');
    expect(stdout).toMatch(/^ {2}--from <date> .*\n {25}or a UTC instant \(2026-01-01T08:00Z\)$/m);
    expect(stdout).toMatch(/^ {2}--to <date> .*exclusive UTC instant$/m);
    expect(await cli('report', 'events.ndjson', '--from', '2026-01-01T08:00+01:00')).toMatchObject({
      code: 2,
    });
  });
});

describe('report with more than one input', () => {
  // It said "Give exactly one input file" to a command that named one, with a shell glob or an option's value that
  // has spaces left unquoted after it: the arguments taken for inputs are now named.
  it.each([
    [['a.ndjson', 'b.ndjson'], '2 ("a.ndjson", "b.ndjson")'],
    [['events.ndjson', '--fail-under', 'participation', '=', '0.3'], '3 ("events.ndjson", "=", "0.3")'],
    [['1', '2', '3', '4', '5', '6', '7'], '7 ("1", "2", "3", "4", "5", …)'],
  ])('%j names them, with what to do', async (args, named) => {
    const { code, stdout, stderr } = await cli('report', ...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `social-shift: report takes one input, not ${named}. Give one file (join event logs first: cat a.ndjson b.ndjson | social-shift report -), and quote an option's value that has spaces.\n`,
    );
  });

  it('without one, says to give it', async () => {
    expect((await cli('report')).stderr).toBe(
      'social-shift: Give exactly one input file: social-shift report <input>.\n',
    );
  });
});

describe('an option without its value', () => {
  it('is said in one line, as every problem is (Node says an ambiguous one in three)', async () => {
    const { code, stdout, stderr } = await cli('report', 'events.ndjson', '--out', '--format', 'json');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^social-shift: Option '--out' argument is ambiguous\. Did you forget .+'--out=-XYZ'\.\n$/,
    );
    expect(stderr.split('\n')).toHaveLength(2);
  });
});

describe('an option last, without its value', () => {
  // Node said "Option '--out <value>' argument missing", without what to give.
  it.each([
    ['--out', '--out report.md'],
    ['--period', '--period week'],
    ['--fail-under', '--fail-under participation=0.3'],
    ['--csv-separator', "--csv-separator ';'"],
  ])('%s says what to give', async (option, example) => {
    const { code, stdout, stderr } = await cli('report', 'events.ndjson', option);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `social-shift: ${option} needs a value after it, e.g. ${example}. See social-shift report --help for its options.\n`,
    );
  });
});

describe('an unknown option of report', () => {
  // Node's own message advised putting the option after `--` as an input, which `report` then refused as a second
  // input, and it ended in an unclosed quote.
  it.each([
    ['--output', 'Did you mean --out? '],
    ['--fail-below', 'Did you mean --fail-under? '],
    ['--skipinvalid', 'Did you mean --skip-invalid? '],
    ['--timezone', 'Did you mean --time-zone? '],
    ['--Out', 'Did you mean --out? '],
    ['--no-skip-invalid', 'Leave out --skip-invalid instead. '],
    ['-o', ''],
    ['--verbose', ''],
  ])('%s is named, with the option meant when one is close, and where to find them', async (option, hint) => {
    const { code, stdout, stderr } = await cli('report', 'events.ndjson', option, 'x');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `social-shift: report has no option ${option}. ${hint}See social-shift report --help for its options.\n`,
    );
  });
});
