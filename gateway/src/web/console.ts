/**
 * The web console's static files at /console/: index.html and styles.css from
 * gateway/console/public, the compiled browser modules from gateway/dist/console. Served by
 * the gateway itself so the console shares the API's origin (no CORS, no second server).
 * Kept under src/web rather than src/console because src/console would compile into
 * dist/console, the folder of the browser modules, and be served with them.
 */
import { resolve } from 'node:path';
import express, { type Router } from 'express';

export const CONSOLE_PATH = '/console';

/** Where the files are when the gateway runs from gateway/dist (dist/web/console.js). */
export function defaultConsoleDirs(): string[] {
  const gateway = resolve(__dirname, '..', '..');
  return [resolve(gateway, 'console', 'public'), resolve(gateway, 'dist', 'console')];
}

/** A router for CONSOLE_PATH; unknown files fall through to the JSON 404 of the API. */
export function consoleRouter(dirs: readonly string[]): Router {
  const router = express.Router();
  for (const dir of dirs) {
    router.use(
      express.static(dir, {
        index: 'index.html',
        dotfiles: 'ignore',
        // The security headers already say no-store: PHI pages must not be cached.
        cacheControl: false,
        fallthrough: true,
        redirect: true,
      }),
    );
  }
  return router;
}
