import { defineConfig } from "vite";

// The build goes to dist/, which the Go binary embeds (web/explorer):
// `make web` rebuilds it, and CI checks that the committed build is current.
export default defineConfig({
  base: "/",
  build: { outDir: "dist", emptyOutDir: true, assetsDir: "assets", sourcemap: false, chunkSizeWarningLimit: 1024 },
  test: { environment: "jsdom", include: ["test/**/*.test.ts"] },
  server: { proxy: { "/graphql": "http://localhost:8080", "/export": "http://localhost:8080", "/readyz": "http://localhost:8080" } },
});
