#include <git2.h>
#include <git2/sys/repository.h>
#include <git2/sys/diff.h>

/* git_libgit2_opts is C-variadic, which Swift cannot call: one fixed-signature wrapper per option we use. */

/* Points one config level (global, XDG, system) at `path`; NULL restores libgit2's default from the environment. */
static inline int gsw_set_config_search_path(git_config_level_t level, const char *path) {
    return git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, (int)level, path);
}

/* The folders libgit2 searches for one config level's files (GIT_PATH_LIST_SEPARATOR between them). */
static inline int gsw_get_config_search_path(git_buf *out, git_config_level_t level) {
    return git_libgit2_opts(GIT_OPT_GET_SEARCH_PATH, (int)level, out);
}

/* Whether every object read is hashed again to check its id (libgit2's default; git itself leaves that to fsck). */
static inline int gsw_set_strict_hash_verification(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}
