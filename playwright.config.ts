// End-to-end tests (e2e/*.spec.ts) against the real app in the system Chromium: no browser
// downloads. The dev server is started on a fixed port and reused locally (not on CI).
import { defineConfig, devices } from '@playwright/test';

// Two runs at once (two checkouts, two engineers) each set their own port and output folder.
const PORT = Number(process.env.E2E_PORT ?? 5179);

export default defineConfig({
  testDir: 'e2e',
  outputDir: process.env.E2E_OUTPUT ?? 'test-results/playwright',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  // 2 cores here: one test at a time keeps timings (responsiveness checks) honest.
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${PORT}/`,
    viewport: { width: 1280, height: 720 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    headless: true,
  },
  // --bypass-lock: Vite 8 refuses a second dev server per project, and `npm start` or the bench's
  // server may already be running; ours has its own port.
  webServer: {
    command: `npx vite --port ${PORT} --strictPort --host 127.0.0.1 --bypass-lock`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
