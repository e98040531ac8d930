import { defineConfig, type Plugin } from 'vite';

// The one-file atlas viewer (web/atlas.html + web/src/publish/viewer): built
// into web/dist-atlas/atlas.html with its script and styles inlined, so the
// API can put an atlas document into it and hand out ONE file that opens
// from file:// without any request (api/src/publish/atlas-html.ts).

/** Moves the emitted JS and CSS chunks into the HTML page and drops the files. */
function inlineIntoHtml(): Plugin {
  return {
    name: 'atlas:inline-into-html',
    enforce: 'post',
    apply: 'build',
    generateBundle(_options, bundle) {
      const html = Object.values(bundle).find((f) => f.type === 'asset' && f.fileName.endsWith('.html'));
      if (!html || html.type !== 'asset') this.error('no HTML page in the atlas build');
      let page = String(html.source);
      for (const [name, file] of Object.entries(bundle)) {
        if (file === html) continue;
        if (file.type === 'chunk') {
          const tag = new RegExp(`<script[^>]*src="[^"]*${file.fileName.replace(/[.]/g, '\\.')}"[^>]*></script>`);
          if (!tag.test(page)) this.error(`chunk ${file.fileName} is not referenced by the page (the viewer must build as one chunk)`);
          // `<\/script` reads the same inside any JS string or regex (even with the u flag), and cannot close the tag.
          const code = file.code.replace(/<\/(script)/gi, '<\\/$1');
          // `<!--` followed by `<script` would switch the HTML parser into its double-escaped state (the closing tag no longer closes).
          if (/<!--|<script/i.test(code)) this.error(`the viewer code contains "<!--" or "<script": it cannot be inlined safely as it is`);
          page = page.replace(tag, () => `<script type="module">${code}</script>`);
        } else if (file.fileName.endsWith('.css')) {
          const tag = new RegExp(`<link[^>]*href="[^"]*${file.fileName.replace(/[.]/g, '\\.')}"[^>]*>`);
          page = page.replace(tag, () => `<style>${String(file.source).replace(/<\/(style)/gi, '<\\/$1')}</style>`);
        } else continue;
        delete bundle[name];
      }
      if (/<(script|link)[^>]+(src|href)="(?!data:)[^"]+"/.test(page)) this.error('the atlas page still refers to a file after inlining');
      html.source = page;
    },
  };
}

export default defineConfig({
  base: './',
  // The app's public/ files (map geometry) are not part of the atlas.
  publicDir: false,
  plugins: [inlineIntoHtml()],
  build: {
    outDir: 'dist-atlas',
    emptyOutDir: true,
    sourcemap: false,
    modulePreload: false,
    cssCodeSplit: false,
    assetsInlineLimit: 100_000_000,
    chunkSizeWarningLimit: 2000,
    rollupOptions: { input: 'atlas.html', output: { codeSplitting: false } },
  },
});
