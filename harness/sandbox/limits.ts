/** Sizes that bound what a sandboxed program can write. */

/** Bytes a program's working folder (its `$HOME` and current folder) may hold, where a size limit can be set. */
export const WORK_DIR_BYTES = 256 * 1024 * 1024;

/** Bytes of the program's private `/tmp`. */
export const TMP_BYTES = 64 * 1024 * 1024;

/** Largest file any program may write (RLIMIT_FSIZE), everywhere: the only disk bound where no size-limited folder can be made. */
export const FILE_BYTES = 256 * 1024 * 1024;
