// The .dockerignore port against moby/patternmatcher's own test tables (patternmatcher_test.go
// TestMatches: MatchesOrParentMatches, single and multi-pattern cases; TestPattern* cases) and
// ignorefile_test.go's ReadAll case.

import { describe, expect, it } from 'vitest';
import { IgnoreMatcher, readIgnoreFile } from './dockerignore.ts';

// [pattern, text, matches (exact or inexact in the Go table)]
const TESTS: [string, string, boolean][] = [
  ['**', 'file', true], ['**', 'file/', true], ['**/', 'file', true], ['**/', 'file/', true], ['**', '/', true], ['**/', '/', true],
  ['**', 'dir/file', true], ['**/', 'dir/file', true], ['**', 'dir/file/', true], ['**/', 'dir/file/', true], ['**/**', 'dir/file', true],
  ['**/**', 'dir/file/', true], ['dir/**', 'dir/file', true], ['dir/**', 'dir/file/', true], ['dir/**', 'dir/dir2/file', true],
  ['dir/**', 'dir/dir2/file/', true], ['**/dir', 'dir', true], ['**/dir', 'dir/file', true], ['**/dir2/*', 'dir/dir2/file', true],
  ['**/dir2/*', 'dir/dir2/file/', true], ['**/dir2/**', 'dir/dir2/dir3/file', true], ['**/dir2/**', 'dir/dir2/dir3/file/', true],
  ['**file', 'file', true], ['**file', 'dir/file', true], ['**/file', 'dir/file', true], ['**file', 'dir/dir/file', true],
  ['**/file', 'dir/dir/file', true], ['**/file*', 'dir/dir/file', true], ['**/file*', 'dir/dir/file.txt', true],
  ['**/file*txt', 'dir/dir/file.txt', true], ['**/file*.txt', 'dir/dir/file.txt', true], ['**/file*.txt*', 'dir/dir/file.txt', true],
  ['**/**/*.txt', 'dir/dir/file.txt', true], ['**/**/*.txt2', 'dir/dir/file.txt', false], ['**/*.txt', 'file.txt', true],
  ['**/**/*.txt', 'file.txt', true], ['a**/*.txt', 'a/file.txt', true], ['a**/*.txt', 'a/dir/file.txt', true],
  ['a**/*.txt', 'a/dir/dir/file.txt', true], ['a/*.txt', 'a/dir/file.txt', false], ['a/*.txt', 'a/file.txt', true],
  ['a/*.txt**', 'a/file.txt', true], ['a[b-d]e', 'ae', false], ['a[b-d]e', 'ace', true], ['a[b-d]e', 'aae', false],
  ['a[^b-d]e', 'aze', true], ['.*', '.foo', true], ['.*', 'foo', false], ['abc.def', 'abcdef', false], ['abc.def', 'abc.def', true],
  ['abc.def', 'abcZdef', false], ['abc?def', 'abcZdef', true], ['abc?def', 'abcdef', false], ['**/foo/bar', 'foo/bar', true],
  ['**/foo/bar', 'dir/foo/bar', true], ['**/foo/bar', 'dir/dir2/foo/bar', true], ['abc/**', 'abc', false], ['abc/**', 'abc/def', true],
  ['abc/**', 'abc/def/ghi', true], ['**/.foo', '.foo', true], ['**/.foo', 'bar.foo', false], ['a(b)c/def', 'a(b)c/def', true],
  ['a(b)c/def', 'a(b)c/xyz', false], ['a.|)$(}+{bc', 'a.|)$(}+{bc', true],
  ['dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', true],
  ['dist/*.whl', 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', true], ['a\\\\', 'a\\', true], ['a\\*b', 'a*b', true],
];

const MULTI: [string[], string, boolean][] = [
  [['**', '!util/docker/web'], 'util/docker/web/foo', false],
  [['**', '!util/docker/web', 'util/docker/web/foo'], 'util/docker/web/foo', true],
  [['**', '!dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl'], 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', false],
  [['**', '!dist/*.whl'], 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', false],
];

describe('patternmatcher port (MatchesOrParentMatches)', () => {
  it.each(TESTS)('%s vs %s', (pattern, text, want) => {
    expect(new IgnoreMatcher([pattern]).matchesOrParentMatches(text)).toBe(want);
  });
  it.each(MULTI)('%j vs %s', (patterns, text, want) => {
    expect(new IgnoreMatcher(patterns).matchesOrParentMatches(text)).toBe(want);
  });
  it('keeps the small cases of patternmatcher_test.go', () => {
    expect(new IgnoreMatcher(['*']).excludes('fileutils.go')).toBe(true);
    expect(new IgnoreMatcher(['!fileutils.go', '*.go']).excludes('fileutils.go')).toBe(true);
    expect(new IgnoreMatcher(['docs', '!docs/README.md']).excludes('docs/README.md')).toBe(false);
    expect(new IgnoreMatcher(['docs/', '!docs/README.md']).excludes('docs/README.md')).toBe(false);
    expect(new IgnoreMatcher(['docs/*', '!docs/README.md']).excludes('docs/README.md')).toBe(false);
    expect(new IgnoreMatcher(['*.go', '!fileutils.go']).excludes('fileutils.go')).toBe(false);
    expect(new IgnoreMatcher(['*.go']).excludes('.')).toBe(false);
    expect(new IgnoreMatcher([]).excludes('any/path/there')).toBe(false);
    expect(() => new IgnoreMatcher(['!'])).toThrow(/illegal exclusion/);
    expect(() => new IgnoreMatcher(['['])).toThrow();
    expect(new IgnoreMatcher(['docs', '  !docs/README.md  ']).excludes('docs/README.md')).toBe(false);
  });
});

describe('readIgnoreFile (ignorefile.ReadAll)', () => {
  it('drops comments and blanks, cleans paths, strips a leading slash, keeps "!" exceptions', () => {
    const content = 'test1\n/test2\n/a/file/here\n\nlastfile\n# this is a comment\n! /inverted/abs/path\n!\n! ';
    expect(readIgnoreFile(content)).toEqual(['test1', 'test2', 'a/file/here', 'lastfile', '!inverted/abs/path', '!', '!']);
  });
  it('drops a UTF-8 byte order mark and cleans ./ and ..', () => {
    expect(readIgnoreFile('\uFEFF./node_modules\nsrc/../build/\r\n**/*.tmp')).toEqual(['node_modules', 'build', '**/*.tmp']);
  });
  it('applies the copy-context fixture .dockerignore as the real build did', () => {
    const m = new IgnoreMatcher(readIgnoreFile('site/secret.txt\n**/*.tmp\n'));
    expect(m.excludes('site/secret.txt')).toBe(true);
    expect(m.excludes('site/cache.tmp')).toBe(true);
    expect(m.excludes('site/index.html')).toBe(false);
    expect(m.excludes('notes.txt')).toBe(false);
  });
  it('re-includes with a later exception and excludes again with a later pattern (last match wins)', () => {
    const m = new IgnoreMatcher(['*.md', '!README.md', 'README*']);
    expect(m.excludes('CHANGES.md')).toBe(true);
    expect(m.excludes('README.md')).toBe(true);
    expect(new IgnoreMatcher(['*.md', '!README.md']).excludes('README.md')).toBe(false);
  });
});
