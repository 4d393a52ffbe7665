import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { commitCallbacks } from './commit-callbacks.ts';

/** A logger that keeps its lines. */
function recordingLog() {
  const lines: { msg: string; err?: { message: string } }[] = [];
  const log = pino({ level: 'error' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { log, lines };
}

describe('after-commit callbacks', () => {
  it('calls each once, in the order added, however often they are run', () => {
    const { log } = recordingLog();
    const callbacks = commitCallbacks(log);
    const calls: string[] = [];
    callbacks.add(() => calls.push('a'));
    callbacks.add(() => calls.push('b'));
    expect(calls).toEqual([]);
    callbacks.run();
    callbacks.run();
    expect(calls).toEqual(['a', 'b']);
  });

  it('logs one that throws or rejects and still calls the rest', async () => {
    const { log, lines } = recordingLog();
    const callbacks = commitCallbacks(log);
    const calls: string[] = [];
    callbacks.add(() => {
      throw new Error('thrown');
    });
    callbacks.add(() => Promise.reject(new Error('rejected')));
    callbacks.add(() => calls.push('last'));
    expect(() => callbacks.run()).not.toThrow();
    expect(calls).toEqual(['last']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.map((l) => l.err?.message).sort()).toEqual(['rejected', 'thrown']);
  });

  it('refuses a callback added after its transaction ended', () => {
    const callbacks = commitCallbacks(recordingLog().log);
    callbacks.run();
    expect(() => callbacks.add(() => {})).toThrow(/after its transaction had ended/);
  });
});
