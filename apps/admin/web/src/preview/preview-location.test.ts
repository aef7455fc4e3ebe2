import { describe, expect, it } from 'vitest';
import { previewLinks, previewPageOf } from './preview-location.js';

describe('preview addresses', () => {
  it('names the home page, each chapter and the targets, places and source pages by their path under /admin/preview', () => {
    expect(previewPageOf('/admin/preview')).toEqual({ kind: 'home' });
    expect(previewPageOf('/admin/preview/chapters/3')).toEqual({ kind: 'chapter', number: 3 });
    expect(previewPageOf('/admin/preview/chapters/12/')).toEqual({ kind: 'chapter', number: 12 });
    // Anything else under the preview is its home page, never an error.
    expect(previewPageOf('/admin/preview/chapters/abc')).toEqual({ kind: 'home' });
    expect(previewPageOf('/admin/preview/targets')).toEqual({ kind: 'targets' });
    expect(previewPageOf('/admin/preview/places/')).toEqual({ kind: 'places' });
    expect(previewPageOf('/admin/preview/source')).toEqual({ kind: 'source' });
    expect(previewPageOf('/admin/preview/downloads')).toEqual({ kind: 'home' });
    expect(previewPageOf('/admin/preview/targets/x')).toEqual({ kind: 'home' });
  });

  it('answers the site’s links inside the preview, and none for the feeds only the public site has', () => {
    expect(previewLinks.home()).toBe('/admin/preview');
    expect(previewLinks.chapter(2)).toBe('/admin/preview/chapters/2');
    expect(previewLinks.chapter(2, 'm38')).toBe('/admin/preview/chapters/2#m38');
    expect(previewLinks.chapters()).toBe('/admin/preview/chapters');
    expect(previewLinks.targets()).toBe('/admin/preview/targets');
    expect(previewLinks.place('leshan-port')).toBe('/admin/preview/places#place-leshan-port');
    expect(previewLinks.note('note-2')).toBe('/admin/preview/source#note-2');
    expect(previewLinks.chapterFeed(2)).toBeUndefined();
  });
});
