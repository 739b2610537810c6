import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Writes a Brotli (.br) and a gzip (.gz) copy beside every text file of the build, compressed once at the highest
 * levels, which the backend's resource chain serves to browsers that accept them (with Content-Encoding and Vary).
 */
function precompress(): Plugin {
  const worthIt = /\.(js|css|html|svg|json)$/;
  let outDir = 'dist';
  return {
    name: 'leadline-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      const walk = (folder: string): string[] =>
        readdirSync(folder).flatMap((name) => {
          const path = join(folder, name);
          return statSync(path).isDirectory() ? walk(path) : [path];
        });
      for (const file of walk(outDir).filter((path) => worthIt.test(path))) {
        const content = readFileSync(file);
        // Below a kilobyte the headers outweigh what compression saves.
        if (content.length < 1024) {
          continue;
        }
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }),
        );
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

// `npm run dev` proxies the API to a backend started with ./mvnw -pl backend spring-boot:run.
export default defineConfig({
  plugins: [react(), precompress()],
  server: {
    proxy: { '/graphql': 'http://localhost:8080' },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/testSetup.ts'],
    // One test file per core; Vitest's default leaves a core free, which on two cores ran the files one at a time.
    maxWorkers: '100%',
    // Worker threads rather than child processes: 12.1 to 13.2 s against 13.7 to 15.6 s for the page tests here.
    pool: 'threads',
    // Tests wait for what a reader would see (findBy…), not for a time: these bounds only catch a test that hangs.
    // A busy machine (CI beside other builds) took over 5 s, Vitest's default, to render a page the first time.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
