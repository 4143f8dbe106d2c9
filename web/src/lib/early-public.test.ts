import { describe, expect, it } from 'vitest';
import { forgetPaintedPublic, paintedPublic, takeEarlyPublic, type EarlyPublicHolder } from './early-public';

const PAGE = { provinces: [{ code: '66', name: 'Tỉnh Đắk Lắk' }], progress: { unit: { code: '66' } } };
// The painted figures are DOM elements in the browser; here any object stands for one.
const NODE = { id: 'painted' } as unknown as HTMLElement;

const holderWith = (answer: Promise<unknown>, options: { unit?: string; lang?: string; painted?: string } = {}): EarlyPublicHolder => ({
  __doorstepPublic: {
    unit: options.unit ?? '', lang: options.lang ?? 'vi', answer,
    painted: options.painted === undefined ? undefined : { unit: options.painted, node: NODE },
  },
});

describe('takeEarlyPublic', () => {
  it('hands over the answer for the same unit and language, once', async () => {
    const holder = holderWith(Promise.resolve(PAGE));
    expect(await takeEarlyPublic('', 'vi', holder)).toEqual(PAGE);
    expect(await takeEarlyPublic('', 'vi', holder)).toBeUndefined();
  });

  it('leaves an answer for another unit or language alone', async () => {
    const holder = holderWith(Promise.resolve(PAGE), { unit: '66', lang: 'en' });
    expect(await takeEarlyPublic('66', 'vi', holder)).toBeUndefined();
    expect(await takeEarlyPublic('', 'en', holder)).toBeUndefined();
    expect(await takeEarlyPublic('66', 'en', holder)).toEqual(PAGE);
  });

  it('gives nothing when there was no answer, the request failed, or nothing was asked', async () => {
    expect(await takeEarlyPublic('', 'vi', holderWith(Promise.resolve(null)))).toBeUndefined();
    expect(await takeEarlyPublic('', 'vi', holderWith(Promise.reject(new Error('offline'))))).toBeUndefined();
    expect(await takeEarlyPublic('', 'vi', {})).toBeUndefined();
  });
});

describe('paintedPublic', () => {
  it('shows the painted figures for their unit and language, also once the answer was taken', async () => {
    const holder = holderWith(Promise.resolve(PAGE), { painted: '66' });
    await takeEarlyPublic('', 'vi', holder);
    expect(paintedPublic('66', 'vi', holder)).toBe(NODE);
    expect(paintedPublic(undefined, 'vi', holder)).toBe(NODE);
  });

  it('shows nothing for another unit or language, when nothing was painted, or once the page drew its own', () => {
    const holder = holderWith(Promise.resolve(PAGE), { painted: '66' });
    expect(paintedPublic('6601', 'vi', holder)).toBeUndefined();
    expect(paintedPublic('66', 'en', holder)).toBeUndefined();
    expect(paintedPublic('66', 'vi', holderWith(Promise.resolve(PAGE)))).toBeUndefined();
    forgetPaintedPublic(holder);
    expect(paintedPublic('66', 'vi', holder)).toBeUndefined();
  });
});
