#if canImport(Glibc)
    import Glibc
#endif

/// glibc gives each thread that finds the allocator busy an arena of its own, up to eight per core, and keeps what
/// is freed in the arena it came from. The concurrent page reads and file preparation of a 10,000-item first pull
/// spread their short-lived memory over several arenas, and the peak rose by 10 to 25 MB (measured 102–130 MiB;
/// with two arenas 98–99 MiB, no slower). Two arenas, as `MALLOC_ARENA_MAX=2` would set; a value the user gave
/// in the environment stands.
enum MallocArenas {
    static func limit() {
        #if canImport(Glibc)
            guard getenv("MALLOC_ARENA_MAX") == nil else { return }
            // mallopt is declared in malloc.h, which Swift's Glibc module leaves out.
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
            let arenaMax: Int32 = -8  // M_ARENA_MAX
            _ = unsafeBitCast(symbol, to: Mallopt.self)(arenaMax, 2)
        #endif
    }
}
