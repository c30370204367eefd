import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

export type ServiceProcess = { baseUrl: string, child: ChildProcess, output: () => string, kill: (signal: NodeJS.Signals) => Promise<void> }

/**
 * Runs the real service (`node src/main.ts`) as a child process on a free port, resolving when it
 * listens. The environment is exactly the one given (plus PATH), so no setting leaks in.
 */
export async function startServiceProcess (environment: Record<string, string>, timeoutMs = 120_000): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ['src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', NODE_DISABLE_COMPILE_CACHE: '1', ...environment },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString() })
  child.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString() })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the service did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs)
    const look = () => {
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (match) { clearTimeout(timer); resolve(match[1]!) }
    }
    child.stdout!.on('data', look)
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`the service exited with ${code} before listening:\n${output}`)) })
  })
  return {
    baseUrl,
    child,
    output: () => output,
    async kill (signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      await exited
    }
  }
}
