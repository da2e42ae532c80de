import type { CompiledTemplate } from './compile.js'
import type { Shape } from './shape.js'
import { stringDomain } from './shape.js'

/** the most ids a template's check lists before it calls the domain open */
const MAX_TEMPLATE_VALUES = 20_000

/**
 * The texts a placeholder gives: each string of an enum, and each number a bounded option allows
 * (integers, or numbers with `decimals`, between `minimum` and `maximum`) written as templates write it.
 */
function placeholderTexts(shape: Shape): { texts: string[] } | { open: 'number' | 'text' } {
  if (shape.kind === 'number') {
    const { minimum, maximum, step } = shape
    if (minimum === undefined || maximum === undefined || step === undefined)
      return { open: 'number' }
    const count = Math.floor((maximum - minimum) / step + 1e-9) + 1
    if (count > MAX_TEMPLATE_VALUES) return { open: 'number' }
    const decimals = Math.max(0, Math.round(-Math.log10(step)))
    const texts: string[] = []
    // integer steps from the minimum, rounded to the option's decimals: 48, 48.01, …
    for (let i = 0; i < count; i++)
      texts.push(String(Number((minimum + i * step).toFixed(decimals))))
    return { texts }
  }
  if (shape.kind === 'union') {
    const texts: string[] = []
    for (const variant of shape.variants) {
      if (variant.kind === 'object' || variant.kind === 'list') continue
      const inner = placeholderTexts(variant)
      if ('open' in inner) return inner
      texts.push(...inner.texts)
    }
    return { texts: [...new Set(texts)] }
  }
  const texts = stringDomain(shape)
  return texts === undefined ? { open: 'text' } : { texts }
}

/**
 * Every string a template can give, or which placeholder makes the set open (any number, any text),
 * or `tooMany` when the combinations pass {@link MAX_TEMPLATE_VALUES}.
 */
export function templateTexts(
  template: CompiledTemplate,
): { texts: string[] } | { open: 'number' | 'text'; placeholder: number } | { tooMany: true } {
  let results = ['']
  let placeholder = 0
  for (const part of template.parts) {
    let values: string[]
    if ('text' in part) values = [part.text]
    else {
      const listed = placeholderTexts(part.shape)
      if ('open' in listed) return { open: listed.open, placeholder }
      values = listed.texts
      placeholder++
    }
    const next: string[] = []
    for (const prefix of results) for (const value of values) next.push(prefix + value)
    if (next.length > MAX_TEMPLATE_VALUES) return { tooMany: true }
    results = next
  }
  return { texts: results }
}
