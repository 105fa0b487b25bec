import { type ChildProcess, fork } from 'node:child_process';
import type { ChildMessage, ParentMessage } from './children/child-protocol.ts';

/**
 * Servers under measurement run in child processes, so their memory is their own and the load
 * generator in this process does not share their event loop. They speak a small IPC protocol:
 * one `ready` message, then answers to numbered calls.
 */

export type Child<Ready> = {
  pid: number;
  ready: Ready;
  call<T>(type: string, payload?: unknown): Promise<T>;
  stop(): Promise<void>;
};

const STOP_GRACE_MS = 15_000;

export async function startChild<Ready>(
  file: string,
  env: Record<string, string>,
): Promise<Child<Ready>> {
  const child = fork(file, [], {
    env: { ...process.env, ...env },
    // --expose-gc lets a memory sample after a collection show what is retained, not garbage.
    execArgv: ['--import', 'tsx', '--expose-gc'],
    // Logs go to /dev/null as they would go to a collector; errors are kept for the report.
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr = (stderr + String(chunk)).slice(-4000);
  });

  const pending = new Map<number, { resolve(value: unknown): void; reject(e: Error): void }>();
  let nextId = 1;
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'ready') resolve(message.info as Ready);
      if (message.type === 'reply') {
        const waiter = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) waiter?.reject(new Error(message.error));
        else waiter?.resolve(message.value);
      }
    });
    child.once('exit', (code) => {
      const failure = new Error(`${file} exited with ${code}: ${stderr.trim()}`);
      reject(failure);
      for (const waiter of pending.values()) waiter.reject(failure);
    });
  });

  return {
    pid: child.pid!,
    ready,
    call<T>(type: string, payload?: unknown) {
      const id = nextId++;
      const message: ParentMessage = { type: 'call', id, call: type, payload };
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        child.send(message);
      });
    },
    stop: () => stopChild(child),
  };
}

async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null) return;

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop: ParentMessage = { type: 'stop' };
  child.send(stop);
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}
