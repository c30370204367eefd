import { fileURLToPath } from 'node:url'

/** The agent console's browser sources, and where `npm run build:console` puts the bundle the service serves. */
export const CONSOLE_SOURCE = fileURLToPath(new URL('./console/', import.meta.url))
export const CONSOLE_OUTPUT = fileURLToPath(new URL('../dist/console/', import.meta.url))
