import { describe, expect, it } from 'vitest'
import { checkWebhookUrl, isInternalAddress } from './destination.js'

describe('webhook destinations', () => {
  it('takes loopback, private, link-local and mapped addresses as internal', () => {
    for (const host of [
      '127.0.0.1',
      '10.0.0.8',
      '172.16.5.4',
      '192.168.1.1',
      '169.254.169.254',
      '0.0.0.0',
      '::1',
      '::ffff:127.0.0.1',
      'fd00::1',
      'fe80::1',
      'localhost',
      'api.localhost',
    ]) {
      expect(isInternalAddress(host), host).toBe(true)
    }
    for (const host of ['93.184.216.34', '2606:4700::1111', 'erp.example.com', '172.32.0.1']) {
      expect(isInternalAddress(host), host).toBe(false)
    }
  })

  it('lets the allow-list through, and nothing but http and https', () => {
    const allowed = new Set(['127.0.0.1'])
    expect(checkWebhookUrl('http://127.0.0.1:8080/hook', allowed)).toBeUndefined()
    expect(checkWebhookUrl('http://127.0.0.2/hook', allowed)).toMatch(/loopback or private/)
    expect(checkWebhookUrl('https://erp.example.com/hook', new Set())).toBeUndefined()
    expect(checkWebhookUrl('file:///etc/passwd', allowed)).toBe(
      'expected an http or https URL, received the scheme file',
    )
  })
})
