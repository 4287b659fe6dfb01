// ESLint for the engine's browser scripts (`./qp test` runs it): classic scripts, no modules,
// because the site must work from file:// (a USB stick). Vendored files (js-yaml from npm, the
// minified iframe-worker shim) are others' builds and are not linted.
import js from "@eslint/js"
import globals from "globals"

export default [
  { ignores: ["node_modules/**", "site/**", "site-intern/**", "engine/assets/vendor/**",
    "engine/assets/javascripts/iframe-worker-shim.js", ".venv/**"] },
  js.configs.recommended,
  {
    files: ["engine/assets/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: { ...globals.browser },
    },
  },
]
