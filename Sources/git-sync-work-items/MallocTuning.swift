#if canImport(Glibc)
    import Glibc
#endif

/// Three settings of glibc's allocator, each as its environment variable would set it; a value the user gave in the
/// environment stands.
/// - Two arenas (`MALLOC_ARENA_MAX=2`). glibc gives each thread that finds the allocator busy an arena of its own,
///   up to eight per core, and keeps what is freed in the arena it came from. The concurrent page reads and file
///   preparation of a 10,000-item first pull spread their short-lived memory over several arenas, and the peak rose
///   by 10 to 25 MB (measured 102–130 MiB; with two arenas 98–99 MiB, no slower).
/// - A fixed mmap threshold of 4 MiB (`MALLOC_MMAP_THRESHOLD_=4194304`). glibc raises the threshold to the size of
///   each large block freed, up to 32 MiB, and from then on takes blocks below it from the heap, which keeps what is
///   freed. A run frees large arrays and maps phase after phase (the pages read, the plan, the outcomes), so they
///   stayed in the process to the end. Fixing the threshold also fixes the heap's trim threshold at 128 KiB, so the
///   heap's top would go back to the system and be faulted in again over and over: it is set to 64 MiB
///   (`MALLOC_TRIM_THRESHOLD_`). Lower mmap thresholds cost a 10,000-item first pull system time, each mapped block's
///   pages faulted in afresh (128 KiB: 0.3–0.4 s, 1 MiB: 0.1–0.2 s); at 4 MiB none could be measured. Measured
///   peaks: 100,000 items 614 → 512 MiB, 10,000 items 97 → 94 MiB.
enum MallocTuning {
    static func apply() {
        #if canImport(Glibc)
            // mallopt is declared in malloc.h, which Swift's Glibc module leaves out.
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
            let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
            if getenv("MALLOC_ARENA_MAX") == nil { _ = mallopt(-8, 2) }  // M_ARENA_MAX
            if getenv("MALLOC_MMAP_THRESHOLD_") == nil { _ = mallopt(-3, 4 << 20) }  // M_MMAP_THRESHOLD
            if getenv("MALLOC_TRIM_THRESHOLD_") == nil { _ = mallopt(-1, 64 << 20) }  // M_TRIM_THRESHOLD
        #endif
    }
}
