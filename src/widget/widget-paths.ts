import { fileURLToPath } from 'node:url'

/** Where `npm run build:widget` writes the bundle that GET /widget.js serves (gitignored). */
export const WIDGET_BUNDLE_DIRECTORY = fileURLToPath(new URL('../../dist/widget/', import.meta.url))
export const WIDGET_BUNDLE_NAME = 'widget.js'

/** The browser sources: the entry point esbuild starts from. */
export const WIDGET_ENTRY_POINT = fileURLToPath(new URL('./client/main.tsx', import.meta.url))

/** The demo clinic page served at GET /. */
export const DEMO_PAGE_FILE = fileURLToPath(new URL('./demo/demo-page.html', import.meta.url))
