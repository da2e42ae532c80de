import { escapeHtml } from '../orders/quote-html.js'
import type { AnyRoute } from './route.js'

/**
 * The API reference page's content before its scripts load (and without them): how to sign in, where
 * the document is, and every operation by tag with its summary; swagger-ui replaces it once it runs.
 *
 * @example docsOutline(apiRoutes()) // '<h1>TORVAN configurator API</h1>…'
 */
export function docsOutline(routes: readonly AnyRoute[]): string {
  const tags = new Map<string, AnyRoute[]>()
  for (const route of routes) tags.set(route.tag, [...(tags.get(route.tag) ?? []), route])
  const sections = [...tags].map(
    ([tag, members]) =>
      `<h2>${escapeHtml(tag)}</h2>\n<ul>\n${members
        .map(
          (route) =>
            `<li><code>${route.method.toUpperCase()} ${escapeHtml(route.path)}</code>: ${escapeHtml(route.summary)}</li>`,
        )
        .join('\n')}\n</ul>`,
  )
  return [
    '<h1>TORVAN configurator API</h1>',
    '<p>Sign in with <code>POST /auth/login</code> and send the token as <code>Authorization: Bearer &lt;token&gt;</code>. The machine-readable reference is <a href="/openapi.json">/openapi.json</a>; the interactive one appears here once its scripts load.</p>',
    ...sections,
  ].join('\n')
}
