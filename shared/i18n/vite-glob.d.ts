// import.meta.glob, which catalogues.ts uses to find the catalogue files, is Vite's.
/// <reference types="vite/client" />
