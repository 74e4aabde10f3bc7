// Search for a Chinese report, as a thin layer on mdBook's own search (searcher.js).
//
// mdBook 0.5 indexes words split on spaces, so Chinese paragraphs become single "words" and
// Latin terms inside them (CDMO, ICH, PIC/S, License-out) are never found. mdBook's index
// also stores each section's text; this script searches that text instead, for every
// query: each space-separated term must occur (AND), as a substring for Chinese and from
// the start of a word for Latin letters and digits (ICH finds ICH、 but not "which").
// Full-width letters, dash variants and case are folded, and spaces between Chinese
// characters, or between Chinese and Latin, are ignored.
//
// The preprocessor brackets chart drawings, download links and table data with marker
// characters (preprocessors/data/src/search.rs): drawings and links are left out (a
// drawing's text repeats the chart's data table), table data ranks after prose and is quoted in a teaser only when the prose
// does not have the term. mdBook's searcher.js still draws the results; this script only
// changes what they say (in Chinese), and searches on paste and after an input method
// commits its text, not just on key release.
(function () {
    'use strict';
    if (typeof elasticlunr === 'undefined') {
        return;
    }

    var LEFT_OUT_OPEN = '\uE000';
    var LEFT_OUT_CLOSE = '\uE001';
    var DATA_OPEN = '\uE002';
    var DATA_CLOSE = '\uE003';
    var TEASER_BEFORE = 24;
    var TEASER_AFTER = 56;

    var searchbar = document.getElementById('mdbook-searchbar');
    var header = document.getElementById('mdbook-searchresults-header');
    var results = document.getElementById('mdbook-searchresults');
    var toggle = document.getElementById('mdbook-search-toggle');

    // ---- Text folding -------------------------------------------------------------------

    var WORD_CHAR = /[a-z0-9]/;
    var DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63]/;

    // One character as searched: full-width ASCII as ASCII, dashes as '-', lower case.
    function foldChar(c) {
        var code = c.charCodeAt(0);
        if (code >= 0xff01 && code <= 0xff5e) {
            c = String.fromCharCode(code - 0xfee0);
        } else if (DASHES.test(c)) {
            return '-';
        }
        var lower = c.toLowerCase();
        return lower.length === 1 ? lower : c;
    }

    // Folds `text` for matching and remembers where each folded character came from. A
    // run of spaces is kept (as one space) only between two Latin letters or digits: it
    // separates words there, while between Chinese characters it is layout.
    function fold(text) {
        var out = [];
        var at = [];
        var pendingSpace = -1;
        for (var i = 0; i < text.length; i++) {
            var c = text[i];
            if (/\s/.test(c) || c === '\u3000') {
                if (pendingSpace < 0) {
                    pendingSpace = i;
                }
                continue;
            }
            var f = foldChar(c);
            if (pendingSpace >= 0) {
                if (out.length > 0 && WORD_CHAR.test(out[out.length - 1]) && WORD_CHAR.test(f)) {
                    out.push(' ');
                    at.push(pendingSpace);
                }
                pendingSpace = -1;
            }
            out.push(f);
            at.push(i);
        }
        return { text: out.join(''), at: at, source: text };
    }

    // Whether a word starts at folded position `i`: after a character that is not a Latin
    // letter or digit, or at a capital after a small letter (the GMP of cGMP).
    function wordStartsAt(folded, i) {
        if (i === 0 || !WORD_CHAR.test(folded.text[i - 1])) {
            return true;
        }
        var source = folded.source;
        return /[a-z]/.test(source[folded.at[i - 1]]) && /[A-Z]/.test(source[folded.at[i]]);
    }

    // Where `term` occurs in folded text; a term starting with a letter or digit only
    // where a word starts (ICH finds “ICH、” but not “which”).
    function occurrences(folded, term) {
        var found = [];
        var wordStart = WORD_CHAR.test(term[0]);
        var from = folded.text.indexOf(term);
        while (from !== -1) {
            if (!wordStart || wordStartsAt(folded, from)) {
                found.push(from);
            }
            from = folded.text.indexOf(term, from + 1);
        }
        return found;
    }

    // ---- Documents ----------------------------------------------------------------------

    // mdBook puts a space wherever an element starts, so a value or a link inside a
    // sentence gains one (出口额为 1020.56亿美元, （ 表5-1）); teasers read without them.
    // Spaces between two Chinese characters separate blocks and stay.
    var HAN = '\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef';
    var STRAY_SPACES = [
        new RegExp('([' + HAN + '])\\s+(?=[A-Za-z0-9%+\\-])', 'g'),
        new RegExp('([A-Za-z0-9%])\\s+(?=[' + HAN + '])', 'g'),
        new RegExp('([（“‘《「『【〔])\\s+', 'g'),
        new RegExp('(\\S)\\s+(?=[）”’》」』】〕，。、；：！？])', 'g'),
    ];

    function unspace(text) {
        STRAY_SPACES.forEach(function (pattern) {
            text = text.replace(pattern, '$1');
        });
        return text;
    }

    // The prose and the data of a section's text, without what search leaves out.
    function split(body) {
        var prose = [];
        var data = [];
        var into = prose;
        var skipping = false;
        var start = 0;
        for (var i = 0; i <= body.length; i++) {
            var c = body[i];
            if (i < body.length && c !== LEFT_OUT_OPEN && c !== LEFT_OUT_CLOSE &&
                c !== DATA_OPEN && c !== DATA_CLOSE) {
                continue;
            }
            if (!skipping) {
                into.push(body.slice(start, i));
            }
            start = i + 1;
            if (c === LEFT_OUT_OPEN) {
                skipping = true;
            } else if (c === LEFT_OUT_CLOSE) {
                skipping = false;
            } else if (c === DATA_OPEN) {
                into = data;
            } else if (c === DATA_CLOSE) {
                into = prose;
            }
        }
        var tidy = function (parts) {
            return parts.join(' ').replace(/\s+/g, ' ').trim();
        };
        return { prose: unspace(tidy(prose)), data: tidy(data) };
    }

    var prepared = new WeakMap();

    function prepare(store) {
        var docs = prepared.get(store);
        if (docs) {
            return docs;
        }
        docs = Object.keys(store.docs).map(function (ref) {
            var doc = store.docs[ref];
            var parts = split(doc.body || '');
            return {
                ref: ref,
                doc: doc,
                title: fold(doc.title || ''),
                crumbs: fold(doc.breadcrumbs || ''),
                prose: fold(parts.prose),
                data: fold(parts.data),
            };
        });
        prepared.set(store, docs);
        return docs;
    }

    // ---- Search -------------------------------------------------------------------------

    function terms(query) {
        var seen = {};
        return query.split(/[\s\u3000]+/).map(function (t) {
            return fold(t).text;
        }).filter(function (t) {
            if (t.length === 0 || seen[t]) {
                return false;
            }
            seen[t] = true;
            return true;
        });
    }

    // Diminishing returns: the tenth mention adds less than the first.
    function weight(count) {
        return count === 0 ? 0 : 1 + Math.log(count);
    }

    var CLAUSE_END = /[，。；：！？、）」』”]/;
    var IN_WORD = /[A-Za-z0-9.,%]/;

    // The teaser: the text around the first of `spots` (with `before` characters ahead of
    // it), cut after a clause ends rather than inside a number or a word.
    function teaser(folded, spots, length, before) {
        var src = folded.source;
        var begin = folded.at[spots[0]];
        var end = folded.at[Math.min(spots[0] + length, folded.at.length) - 1] + 1;
        var start = Math.max(0, begin - before);
        var lead = src.slice(start, begin);
        var clause = -1;
        for (var i = lead.length - 1; i >= 0; i--) {
            if (CLAUSE_END.test(lead[i])) {
                clause = i;
                break;
            }
        }
        if (clause >= 0) {
            start += clause + 1;
        } else {
            while (start > 0 && start < begin && IN_WORD.test(src[start - 1]) && IN_WORD.test(src[start])) {
                start++;
            }
        }
        var stop = Math.min(src.length, end + TEASER_AFTER);
        while (stop < src.length && stop < end + TEASER_AFTER + 12 &&
            IN_WORD.test(src[stop - 1]) && IN_WORD.test(src[stop])) {
            stop++;
        }
        return (start > 0 ? '…' : '') + src.slice(start, stop).trim() + (stop < src.length ? '…' : '');
    }

    function search(store, query) {
        var list = terms(query);
        if (list.length === 0) {
            return [];
        }
        var phrase = fold(query.trim()).text;
        var found = [];
        prepare(store).forEach(function (d) {
            var score = 0;
            var inProse = true;
            var firstProse = null;
            var firstData = null;
            for (var i = 0; i < list.length; i++) {
                var t = list[i];
                var title = occurrences(d.title, t).length;
                var crumbs = occurrences(d.crumbs, t).length;
                var prose = occurrences(d.prose, t);
                var data = occurrences(d.data, t);
                if (title + crumbs + prose.length + data.length === 0) {
                    return;
                }
                if (title + crumbs + prose.length === 0) {
                    inProse = false;
                }
                score += 8 * weight(title) + 2 * weight(crumbs) + 4 * weight(prose.length) +
                    weight(data.length);
                if (firstProse === null && prose.length > 0) {
                    firstProse = { spots: prose, length: t.length };
                }
                if (firstData === null && data.length > 0) {
                    firstData = { spots: data, length: t.length };
                }
            }
            if (list.length > 1) {
                var together = occurrences(d.prose, phrase);
                if (together.length > 0) {
                    score += 8;
                    firstProse = { spots: together, length: phrase.length };
                }
            }
            var body;
            if (firstProse !== null) {
                body = teaser(d.prose, firstProse.spots, firstProse.length, TEASER_BEFORE);
            } else if (firstData !== null) {
                body = '表格数据：' + teaser(d.data, firstData.spots, firstData.length, 0);
            } else {
                body = d.prose.source.slice(0, TEASER_BEFORE + TEASER_AFTER);
            }
            found.push({
                ref: d.ref,
                // Sections that have every term in their prose or title come first.
                score: (inProse ? 1000 : 0) + score,
                doc: Object.assign({}, d.doc, { body: body }),
            });
        });
        found.sort(function (a, b) {
            return b.score - a.score || Number(a.ref) - Number(b.ref);
        });
        return found;
    }

    // ---- Results in Chinese -------------------------------------------------------------

    function limit() {
        var options = window.search && window.search.results_options;
        return options && options.limit_results ? options.limit_results : 30;
    }

    function describe(count, query) {
        var q = '“' + query + '”';
        if (count === 0) {
            return '没有找到' + q + '：本报告可能没有用这个词，请换一个说法或减少关键词。';
        }
        var shown = Math.min(count, limit());
        return '找到 ' + count + ' 个与' + q + '相关的小节' +
            (shown < count ? '，显示前 ' + shown + ' 个' : '') + '：';
    }

    // Emphasises the query's terms in a teaser, found as the search finds them.
    function emphasise(span, list) {
        var folded = fold(span.textContent);
        var ranges = [];
        list.forEach(function (t) {
            occurrences(folded, t).forEach(function (i) {
                ranges.push([folded.at[i], folded.at[i + t.length - 1] + 1]);
            });
        });
        ranges.sort(function (a, b) {
            return a[0] - b[0];
        });
        var text = folded.source;
        while (span.firstChild) {
            span.removeChild(span.firstChild);
        }
        var last = 0;
        ranges.forEach(function (r) {
            if (r[0] < last) {
                return;
            }
            span.appendChild(document.createTextNode(text.slice(last, r[0])));
            var em = document.createElement('em');
            em.textContent = text.slice(r[0], r[1]);
            span.appendChild(em);
            last = r[1];
        });
        span.appendChild(document.createTextNode(text.slice(last)));
    }

    function present(count, query) {
        header.textContent = describe(count, query);
        var list = terms(query);
        var teasers = results.querySelectorAll('.teaser');
        for (var i = 0; i < teasers.length; i++) {
            teasers[i].setAttribute('aria-label', '搜索结果摘要');
            emphasise(teasers[i], list);
        }
    }

    var englishSearch = elasticlunr.Index.prototype.search;
    elasticlunr.Index.prototype.search = function (query, options) {
        var store = this.documentStore;
        if (typeof query !== 'string' || !store || !store.docs) {
            return englishSearch.call(this, query, options);
        }
        var found = search(store, query);
        // searcher.js writes its English header and the result list right after this
        // returns; put the header in Chinese once it has.
        var shownQuery = query.trim();
        Promise.resolve().then(function () {
            present(found.length, shownQuery);
        });
        return found;
    };

    // ---- The search box -----------------------------------------------------------------

    if (!searchbar) {
        return;
    }
    searchbar.setAttribute('placeholder', '搜索本报告，如 原料药、CDMO');
    searchbar.setAttribute('aria-label', '搜索本报告');
    if (toggle) {
        toggle.setAttribute('title', '搜索（快捷键 / 或 S）');
        toggle.setAttribute('aria-label', '显示或隐藏搜索框');
    }

    // searcher.js searches on keyup. While an input method composes, keyups carry pinyin
    // or strokes, not the words: hold them back, and search once the text is committed.
    // Pasting, dropping or picking a suggestion fires no keyup at all: search on input.
    var composing = false;
    function searchNow() {
        searchbar.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true }));
    }
    document.addEventListener('keyup', function (e) {
        if (e.target === searchbar && (composing || e.isComposing)) {
            e.stopImmediatePropagation();
        }
    }, true);
    searchbar.addEventListener('compositionstart', function () {
        composing = true;
    });
    searchbar.addEventListener('compositionend', function () {
        composing = false;
        searchNow();
    });
    searchbar.addEventListener('input', function (e) {
        if (!composing && !e.isComposing) {
            searchNow();
        }
    });
})();
