import MarkdownIt from 'markdown-it';

/**
 * Lessons are written in Markdown and rendered here, on the server, with raw HTML switched off:
 * whatever an author types, no tag of theirs reaches a learner's browser. Links open outside the
 * app and only http(s)/mailto/tel targets survive (markdown-it's own validateLink).
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]!.attrSet('rel', 'noopener noreferrer');
  tokens[idx]!.attrSet('target', '_blank');
  return defaultLinkOpen(tokens, idx, options, env, self);
};
// Images load lazily, so a lesson's text shows first on a slow connection.
const defaultImage = md.renderer.rules.image!;
md.renderer.rules.image = (tokens, idx, options, env, self) => {
  tokens[idx]!.attrSet('loading', 'lazy');
  return defaultImage(tokens, idx, options, env, self);
};

export function renderLessonMarkdown(source: string): string {
  return md.render(source);
}

export type MediaKind = 'image' | 'audio' | 'video';

export interface LessonMedia {
  kind: MediaKind;
  url: string;
  caption: string;
}

/** Media are links (http or https), never uploads of raw markup. */
export function isMediaUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}
