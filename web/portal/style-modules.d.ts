/** Vite bundles the stylesheet imported from main.tsx; the type checker only needs to know it exists. */
declare module '*.css';
