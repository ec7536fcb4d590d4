// Ambient types for what Vite handles in the renderer build (CSS imports, import.meta.env).
/// <reference types="vite/client" />
