// The PDF edition, assembled inside Chromium from mdBook's print.html before Paged.js lays it
// out: a cover, 目录 (chapters and their sections), 图目录 and 表目录, then the chapters.
// Paged.js breaks the pages; once it is done, this script numbers them (front matter i, ii,
// …, the chapters from 1) and writes into the lists the number of the page each entry's
// target landed on. (Paged.js's own page-counter resets disagree with Chromium's CSS
// counters, so the numbers are read off the finished layout instead.) Loaded by pdf.mjs;
// nothing here runs on the website.
(() => {
  'use strict';

  const DIGITS = '〇一二三四五六七八九';

  /** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 23 → 二十三 (chapters stay below 100). */
  function chineseNumber(n) {
    if (n < 10) return DIGITS[n];
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return (tens > 1 ? DIGITS[tens] : '') + '十' + (ones ? DIGITS[ones] : '');
  }

  /** A chapter's label: `3` → 第三章; `3.1` (a sub-chapter) → 3.1; none → nothing. */
  function chapterLabel(number) {
    if (!number) return '';
    return number.includes('.') ? number : `第${chineseNumber(Number(number))}章`;
  }

  /** `2025-12-01` → 2025年12月; any other text as given. */
  function coverDate(date) {
    const match = /^(\d{4})-(\d{2})-\d{2}$/.exec(date ?? '');
    return match ? `${match[1]}年${Number(match[2])}月` : (date ?? '');
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** mdBook puts a page-break div between the chapters of print.html. */
  function splitChapters(main) {
    const chapters = [[]];
    for (const node of [...main.childNodes]) {
      if (node.nodeType === Node.ELEMENT_NODE && node.matches('div[style*="break-before"]')) {
        chapters.push([]);
      } else {
        chapters.at(-1).push(node);
      }
    }
    return chapters;
  }

  /** A heading's text without mdBook's anchor markup. */
  const headingText = (heading) => heading.textContent.replace(/\s+/g, ' ').trim();

  /** An empty anchor at the start of `node`, with an ASCII id the lists can link to. */
  function anchor(node, id) {
    const mark = element('span', 'pdf-anchor');
    mark.id = id;
    node.prepend(mark);
    return `#${id}`;
  }

  /** One line of a list: the entry's text, a dotted leader, and its page number (CSS). */
  function entry(className, href, label, text) {
    const item = element('li', className);
    const link = element('a');
    link.href = href;
    if (label) link.append(element('span', 'pdf-entry-label', label));
    link.append(element('span', 'pdf-entry-text', text));
    link.append(element('span', 'pdf-entry-leader'));
    item.append(link);
    return item;
  }

  function list(id, title, className) {
    const section = element('section', `pdf-front ${className}`);
    section.id = id;
    section.append(element('h1', 'pdf-front-title', title));
    const items = element('ol', 'pdf-list');
    section.append(items);
    return { section, items };
  }

  function cover(edition) {
    const section = element('section', 'pdf-cover');
    section.append(element('p', 'pdf-cover-kind', '研究报告'));
    section.append(element('p', 'pdf-cover-title', edition.title ?? ''));
    if (edition.mode === 'publish') {
      section.append(element('p', 'pdf-cover-edition', '征求意见稿'));
    }
    const foot = element('div', 'pdf-cover-foot');
    foot.append(element('p', 'pdf-cover-authors', (edition.authors ?? []).join('　')));
    foot.append(element('p', 'pdf-cover-date', coverDate(edition.date)));
    section.append(foot);
    return section;
  }

  /**
   * Emoji the PDF's fonts have no glyph for, and the plain sign they print as (Chromium would
   * print an empty box; a colour emoji font would become a bitmap). The sign is set in the
   * regular weight: in bold text Chromium would embolden it into a Type 3 font.
   */
  const PLAIN_SIGNS = new Map([['✅', '✔']]);

  function plainSigns(root) {
    const pattern = new RegExp(`(${[...PLAIN_SIGNS.keys()].join('|')})`, 'u');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const found = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (pattern.test(node.data)) found.push(node);
    }
    for (const node of found) {
      const parts = node.data.split(pattern).map((part) =>
        PLAIN_SIGNS.has(part) ? element('span', 'pdf-sign', PLAIN_SIGNS.get(part)) : part,
      );
      node.replaceWith(...parts);
    }
  }

  /** Download links become the address of the data, so a printed page says where it is. */
  function printableDownloads(root, siteUrl) {
    for (const link of root.querySelectorAll('a.report-download')) {
      const href = link.getAttribute('href') ?? '';
      const address = siteUrl ? new URL(href, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href : href;
      link.href = address;
      link.textContent = `数据文件：${address}`;
      link.classList.add('pdf-address');
    }
  }

  /**
   * Builds the edition. `edition` is edition.json (title, authors, mode, date, chapters) with
   * `date` filled in and `siteUrl` (or null).
   */
  function prepare(edition) {
    const main = document.querySelector('main');
    if (!main) throw new Error('print.html has no <main>');
    const groups = splitChapters(main);
    const chapters = edition.chapters ?? [];
    if (groups.length !== chapters.length) {
      throw new Error(
        `print.html has ${groups.length} chapters but the book ${chapters.length}: ` +
          'is print.html from the same build as edition.json?',
      );
    }

    const contents = list('pdf-contents', '目录', 'pdf-contents');
    const figures = list('pdf-figures', '图目录', 'pdf-figures');
    const tables = list('pdf-tables', '表目录', 'pdf-tables');
    const body = element('div', 'pdf-body');
    let figureCount = 0;
    let tableCount = 0;

    groups.forEach((nodes, index) => {
      const info = chapters[index];
      const section = element('section', 'pdf-chapter');
      section.append(...nodes);
      body.append(section);

      const title = section.querySelector('h1');
      if (title) {
        const label = chapterLabel(info.number);
        const text = headingText(title);
        if (label) {
          title.prepend(element('span', 'pdf-chapter-label', `${label}　`));
        }
        const href = anchor(title, `pdf-chapter-${index + 1}`);
        contents.items.append(entry('pdf-entry-1', href, label, text));
      }
      section.querySelectorAll('h2').forEach((heading, sectionIndex) => {
        const href = anchor(heading, `pdf-section-${index + 1}-${sectionIndex + 1}`);
        contents.items.append(entry('pdf-entry-2', href, '', headingText(heading)));
      });
      for (const caption of section.querySelectorAll('figure > figcaption')) {
        const text = headingText(caption);
        if (!text.startsWith('图')) continue;
        figureCount += 1;
        figures.items.append(entry('pdf-entry-1', anchor(caption, `pdf-figure-${figureCount}`), '', text));
      }
      for (const caption of section.querySelectorAll('table > caption')) {
        const text = headingText(caption);
        if (!text.startsWith('表')) continue;
        tableCount += 1;
        tables.items.append(entry('pdf-entry-1', anchor(caption, `pdf-table-${tableCount}`), '', text));
      }
    });

    printableDownloads(body, edition.siteUrl);
    plainSigns(body);
    const front = [cover(edition), contents.section];
    if (figureCount > 0) front.push(figures.section);
    if (tableCount > 0) front.push(tables.section);
    document.body.replaceChildren(...front, body);
    document.body.className = 'pdf-edition';
    // Drop mdBook's screen classes (sidebar-visible …) but keep the light theme's colours.
    document.documentElement.className = 'light';
    fitWideTables(body);
    return { chapters: groups.length, figures: figureCount, tables: tableCount };
  }

  /**
   * Tables wider than the text block get smaller type, one step at a time, instead of being
   * cut at the page edge. Measured with the print styles (pdf.mjs emulates print media while
   * this runs) at the A4 text width, before Paged.js lays out the pages.
   */
  function fitWideTables(body) {
    body.style.width = 'var(--pdf-text-width)';
    const fits = (table) => table.getBoundingClientRect().width <= body.clientWidth + 0.5;
    for (const table of body.querySelectorAll('table')) {
      for (const size of ['pdf-table-small', 'pdf-table-smaller']) {
        if (fits(table)) break;
        table.classList.remove('pdf-table-small');
        table.classList.add(size);
      }
    }
    markLongTables(body);
    body.style.width = '';
  }

  /**
   * A table kept whole (print.css: break-inside: avoid) that is longer than most of a page
   * would leave a page half empty before it and break anyway: such a table starts where it
   * stands and breaks between rows.
   */
  function markLongTables(body) {
    const probe = element('div');
    probe.style.height = 'var(--pdf-text-height)';
    body.append(probe);
    const pageHeight = probe.getBoundingClientRect().height;
    probe.remove();
    for (const box of body.querySelectorAll('.report-table')) {
      if (box.getBoundingClientRect().height > 0.6 * pageHeight) box.classList.add('pdf-long-table');
    }
  }

  /**
   * Paged.js splits a long table between rows but does not repeat its header row; this puts
   * a copy of the table's <thead> into every continuation, when the continuation is created
   * (renderNode), so that the page's layout already counts it.
   */
  function registerRepeatedHeaders() {
    class RepeatTableHeaders extends window.Paged.Handler {
      renderNode(clone, node) {
        if (node.nodeName !== 'TR' || !clone.parentElement) return;
        const table = clone.closest('table');
        if (!table || !table.dataset.splitFrom || table.querySelector(':scope > thead')) return;
        const head = node.closest('table')?.querySelector(':scope > thead');
        if (!head) return;
        const copy = head.cloneNode(true);
        copy.classList.add('pdf-repeated-head');
        table.insertBefore(copy, table.querySelector(':scope > tbody, :scope > tfoot'));
      }
    }
    window.Paged.registerHandlers(RepeatTableHeaders);
  }

  /** 1 → i, 4 → iv, 9 → ix, 14 → xiv. */
  function roman(n) {
    const numerals = [[10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
    let text = '';
    for (const [value, numeral] of numerals) {
      while (n >= value) {
        text += numeral;
        n -= value;
      }
    }
    return text;
  }

  /**
   * The finished pages' numbers: none on the cover, i, ii, … on the front matter, 1, 2, …
   * from the first chapter on; each page gets `--pdf-page-label` (its footer) and each entry
   * of the lists the label of the page its target is on (`data-page`, printed by CSS).
   */
  function numberPages() {
    const pages = [...document.querySelectorAll('.pagedjs_page')];
    const pageOf = (id) => document.getElementById(id)?.closest('.pagedjs_page');
    const bodyStart = pages.indexOf(pageOf('pdf-chapter-1'));
    if (bodyStart < 1) throw new Error('the first chapter is on no page after the cover');
    pages.forEach((page, index) => {
      const label = index === 0 ? '' : index < bodyStart ? roman(index) : String(index - bodyStart + 1);
      page.dataset.pdfPageLabel = label;
      page.style.setProperty('--pdf-page-label', JSON.stringify(label));
    });
    for (const link of document.querySelectorAll('.pdf-list a')) {
      const page = pageOf(link.getAttribute('href').slice(1));
      if (!page) throw new Error(`「${link.textContent}」: what it lists is on no page`);
      link.dataset.page = page.dataset.pdfPageLabel;
    }
    return { pages: pages.length, front: bodyStart };
  }

  /** Lays the document out in pages and numbers them. */
  async function paginate() {
    registerRepeatedHeaders();
    await window.PagedPolyfill.preview();
    return numberPages();
  }

  window.reportEdition = { prepare, paginate, chineseNumber, chapterLabel, coverDate, roman };
})();
