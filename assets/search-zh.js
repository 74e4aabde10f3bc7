// Chinese search for mdBook.
//
// mdBook 0.5 builds its search index with an English tokenizer that splits on spaces, so a
// Chinese paragraph is indexed as one long "word" and a query such as 原料药 only matches at
// the start of a paragraph. The index also stores each section's text, so for queries that
// contain Chinese characters this script searches that text directly: every term must occur
// (AND), titles count more than body text, and the teaser is cut around the first match.
(function () {
    "use strict";
    if (typeof elasticlunr === "undefined") {
        return;
    }
    var CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;
    var TEASER_CONTEXT = 40;
    var englishSearch = elasticlunr.Index.prototype.search;

    function occurrences(text, term) {
        if (!text) {
            return 0;
        }
        var count = 0;
        var from = text.indexOf(term);
        while (from !== -1) {
            count += 1;
            from = text.indexOf(term, from + term.length);
        }
        return count;
    }

    function excerpt(body, term) {
        var at = body.toLowerCase().indexOf(term);
        if (at === -1) {
            return body.slice(0, TEASER_CONTEXT * 2);
        }
        var start = Math.max(0, at - TEASER_CONTEXT);
        var end = Math.min(body.length, at + term.length + TEASER_CONTEXT);
        return (start > 0 ? "…" : "") + body.slice(start, end) + (end < body.length ? "…" : "");
    }

    elasticlunr.Index.prototype.search = function (query, options) {
        var store = this.documentStore;
        if (typeof query !== "string" || !CJK.test(query) || !store || !store.docs) {
            return englishSearch.call(this, query, options);
        }
        var terms = query.toLowerCase().split(/\s+/).filter(function (t) {
            return t.length > 0;
        });
        var results = [];
        Object.keys(store.docs).forEach(function (ref) {
            var doc = store.docs[ref];
            var title = (doc.title || "").toLowerCase();
            var crumbs = (doc.breadcrumbs || "").toLowerCase();
            var body = (doc.body || "").toLowerCase();
            var score = 0;
            for (var i = 0; i < terms.length; i++) {
                var hits = 3 * occurrences(title, terms[i]) +
                    2 * occurrences(crumbs, terms[i]) +
                    occurrences(body, terms[i]);
                if (hits === 0) {
                    return;
                }
                score += hits;
            }
            var shown = Object.assign({}, doc, { body: excerpt(doc.body || "", terms[0]) });
            results.push({ ref: ref, score: score, doc: shown });
        });
        results.sort(function (a, b) {
            return b.score - a.score || Number(a.ref) - Number(b.ref);
        });
        return results;
    };
})();
