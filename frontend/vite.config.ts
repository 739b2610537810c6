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
  },
});
