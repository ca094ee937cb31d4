import { describe, expect, it } from 'vitest';
import { encodeForm } from '../../src/im/form.js';

describe('form encoding', () => {
  it('repeats the key of a list, in order', () => {
    expect(encodeForm({ userId: ['1', '2'], groupId: '123', groupName: 'TestGroup' })).toBe(
      'userId=1&userId=2&groupId=123&groupName=TestGroup',
    );
  });

  it('percent-encodes every reserved character and emoji, so a parser reads the exact name back', () => {
    const name = "a&b=c+d%e?f g!'()*🎉";
    const body = encodeForm({ groupName: name });
    expect(body).toMatch(/^groupName=[A-Za-z0-9%._~-]+$/);
    expect(new URLSearchParams(body).get('groupName')).toBe(name);
  });

  it('leaves out undefined values and keeps empty strings', () => {
    expect(encodeForm({ groupId: 'g', groupName: undefined, page: 2, extra: '' })).toBe('groupId=g&page=2&extra=');
  });
});
