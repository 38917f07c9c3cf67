// Nothing: the library exists to make the precompiled header its folder's tests reuse.
