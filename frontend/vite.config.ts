import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run dev` proxies the API to a backend started with ./mvnw -pl backend spring-boot:run.
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/graphql': 'http://localhost:8080' },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/testSetup.ts'],
    // Tests wait for what a reader would see (findBy…), not for a time: these bounds only catch a test that hangs.
    // A busy machine (CI beside other builds) took over 5 s, Vitest's default, to render a page the first time.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
