#!/usr/bin/env bash
# Builds the two container images Fovea's integration tests run against:
#   fovea/java25-runtime:1  Debian bookworm (minbase) + a jlink'ed Java 25 runtime in /opt/java
#   fovea/postgres15:1      Debian bookworm (minbase) + Debian's postgresql-15, with an entrypoint
#                           that behaves like the official postgres image's
# Why local: the machines that build and test Fovea (CI included) reach no container registry, so
# nothing can be pulled and no Dockerfile may start `FROM` a registry image. Both images are therefore
# made from a debootstrap'ed Debian tree (packages come from the Debian mirror named in the host's apt
# sources) and loaded with `docker import`. The script is idempotent: an image whose tag already exists
# is skipped unless --force is given, and the debootstrap tree is cached outside the git tree.
set -euo pipefail

readonly JAVA_IMAGE=fovea/java25-runtime:1
readonly POSTGRES_IMAGE=fovea/postgres15:1
readonly SUITE=bookworm
readonly JDK_HOME=${FOVEA_JDK_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
readonly CACHE=${FOVEA_IMAGES_CACHE:-$HOME/.cache/fovea-images}
readonly BASE_ROOTFS=$CACHE/base-$SUITE

FORCE=false
MOUNTS=()

usage() {
    cat <<EOF
Usage: images/build.sh [--force] [--help]

Builds $JAVA_IMAGE and $POSTGRES_IMAGE from a Debian $SUITE tree, with no registry.
An image whose tag already exists is skipped; --force rebuilds both.

Environment:
  FOVEA_IMAGES_CACHE   work folder for the Debian trees (default: \$HOME/.cache/fovea-images);
                       delete it to debootstrap afresh
  FOVEA_DEBIAN_MIRROR  Debian mirror (default: the one for '$SUITE' in the host's apt sources)
  FOVEA_JDK_HOME       JDK 25 to jlink the runtime from (default: /usr/lib/jvm/temurin-25-jdk-amd64)
Needs root (debootstrap, chroot, mount) and a running Docker daemon.
EOF
}

log() { printf '[%4ds] %s\n' "$SECONDS" "$*"; }
die() { printf 'build.sh: error: %s\n' "$*" >&2; exit 1; }

# Runs a noisy command with its output in a log file, shown only if it fails.
run_logged() {
    local logfile=$1; shift
    if ! "$@" >"$logfile" 2>&1; then
        tail -n 40 "$logfile" >&2
        die "'$*' failed; full log: $logfile"
    fi
}

release_mounts() {
    local mount
    for mount in "${MOUNTS[@]}"; do
        umount "$mount" 2>/dev/null || umount -l "$mount" || true
    done
    MOUNTS=()
}

check_prerequisites() {
    [[ $EUID -eq 0 ]] || die "must run as root (debootstrap, chroot and mount need it)"
    command -v docker >/dev/null || die "docker is missing (Debian package: docker.io)"
    docker info >/dev/null 2>&1 || die "the Docker daemon does not answer 'docker info'; start dockerd first"
}

image_exists() { docker image inspect "$1" >/dev/null 2>&1; }

# The mirror that serves $SUITE in the host's apt sources (deb822 .sources first, then one-line .list).
debian_mirror() {
    if [[ -n ${FOVEA_DEBIAN_MIRROR:-} ]]; then
        echo "$FOVEA_DEBIAN_MIRROR"
        return
    fi
    local mirror=""
    shopt -s nullglob
    local deb822=(/etc/apt/sources.list.d/*.sources)
    local oneline=(/etc/apt/sources.list /etc/apt/sources.list.d/*.list)
    shopt -u nullglob
    if ((${#deb822[@]})); then
        mirror=$(awk -v suite="$SUITE" '
            BEGIN { RS = ""; FS = "\n" }
            {
                uri = ""; wanted = 0
                for (i = 1; i <= NF; i++) {
                    if ($i ~ /^URIs:/) { split($i, w, /[ \t]+/); uri = w[2] }
                    if ($i ~ /^Suites:/ && ($i " ") ~ (" " suite " ")) wanted = 1
                    if ($i ~ /^Enabled:[ \t]*no/) wanted = 0
                }
                if (wanted && uri != "") { print uri; exit }
            }' "${deb822[@]}")
    fi
    if [[ -z $mirror ]]; then
        mirror=$(cat "${oneline[@]}" 2>/dev/null | sed 's/\[[^]]*\]//' |
            awk -v suite="$SUITE" '$1 == "deb" && $3 == suite { print $2; exit }')
    fi
    echo "${mirror:-http://deb.debian.org/debian}"
}

# Debian minbase tree, made once and kept in the cache (built in a temporary folder, then renamed).
ensure_base_rootfs() {
    if [[ -d $BASE_ROOTFS ]]; then
        log "base: reusing cached Debian $SUITE tree $BASE_ROOTFS"
        return
    fi
    command -v debootstrap >/dev/null || die "debootstrap is missing (Debian package: debootstrap)"
    local mirror started=$SECONDS
    mirror=$(debian_mirror)
    log "base: debootstrap --variant=minbase $SUITE from $mirror ..."
    mkdir -p "$CACHE"
    rm -rf --one-file-system "$BASE_ROOTFS.partial"
    run_logged "$CACHE/debootstrap.log" \
        debootstrap --variant=minbase "$SUITE" "$BASE_ROOTFS.partial" "$mirror"
    mv "$BASE_ROOTFS.partial" "$BASE_ROOTFS"
    log "base: done in $((SECONDS - started))s"
}

# A fresh copy of the base tree to turn into one image.
fresh_rootfs_copy() {
    local tree=$1
    rm -rf --one-file-system "$tree"
    cp -a "$BASE_ROOTFS" "$tree"
}

# Removes what a container never needs: docs, man pages, translations, apt indexes and caches.
trim_rootfs() {
    local tree=$1
    rm -rf "$tree"/usr/share/{doc,man,info,locale}/* \
        "$tree"/var/lib/apt/lists/* "$tree"/var/cache/apt/* "$tree"/var/cache/debconf/*-old \
        "$tree"/var/log/*.log "$tree"/var/log/apt/*
}

import_rootfs() {
    local tree=$1 tag=$2; shift 2
    local changes=() change previous
    for change in "$@"; do changes+=(--change "$change"); done
    previous=$(docker image inspect --format '{{.Id}}' "$tag" 2>/dev/null || true)
    tar --numeric-owner -C "$tree" -c . | docker import "${changes[@]}" - "$tag" >/dev/null
    rm -rf --one-file-system "$tree"
    if [[ -n $previous ]]; then
        # The image that had the tag before --force; left in place if a container still uses it.
        docker rmi "$previous" >/dev/null 2>&1 || true
    fi
    log "$tag: imported ($(docker image inspect --format '{{.Size}}' "$tag" | awk '{ printf "%d MB", $1 / 1e6 }'))"
}

# Every module of the JDK except the jlink tooling itself: Temurin 25 ships no jmods, and a JDK
# linked from its own run-time image (JEP 493) may not copy jdk.jlink (nor jdk.jpackage, which needs it).
java_runtime_modules() {
    "$JDK_HOME/bin/java" --list-modules | sed 's/@.*//' |
        grep -vx -e jdk.jlink -e jdk.jpackage | paste -sd, -
}

build_java_image() {
    [[ -x $JDK_HOME/bin/jlink ]] ||
        die "jlink not found in $JDK_HOME (install a Temurin 25 JDK, Debian package temurin-25-jdk from Adoptium's apt repository, or set FOVEA_JDK_HOME)"
    ensure_base_rootfs
    local tree=$CACHE/java-rootfs started=$SECONDS
    log "$JAVA_IMAGE: jlink Java runtime from $JDK_HOME ..."
    fresh_rootfs_copy "$tree"
    run_logged "$CACHE/jlink.log" "$JDK_HOME/bin/jlink" \
        --add-modules "$(java_runtime_modules)" \
        --strip-debug --no-man-pages --no-header-files --compress=zip-6 \
        --output "$tree/opt/java"
    mkdir -p "$tree/app"
    trim_rootfs "$tree"
    # HOME=/tmp: DJL extracts libtorch into ~/.djl.ai at run time, so HOME must be writable for any uid.
    import_rootfs "$tree" "$JAVA_IMAGE" \
        'ENV JAVA_HOME=/opt/java' \
        'ENV PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        'ENV LANG=C.UTF-8' \
        'ENV HOME=/tmp' \
        'WORKDIR /app' \
        'CMD ["java", "-version"]'
    log "$JAVA_IMAGE: done in $((SECONDS - started))s"
}

# Runs apt-get inside the tree: no service may start, /proc is mounted, the host's DNS is used,
# and postgresql-common must not create its own "main" cluster (the entrypoint runs initdb).
install_postgresql() {
    local tree=$1
    printf '#!/bin/sh\nexit 101\n' >"$tree/usr/sbin/policy-rc.d"
    chmod 755 "$tree/usr/sbin/policy-rc.d"
    mkdir -p "$tree/etc/postgresql-common"
    echo 'create_main_cluster = false' >"$tree/etc/postgresql-common/createcluster.conf"
    cp /etc/resolv.conf "$tree/etc/resolv.conf"
    mount -t proc proc "$tree/proc"
    MOUNTS+=("$tree/proc")
    run_logged "$CACHE/apt-postgresql.log" chroot "$tree" /usr/bin/env DEBIAN_FRONTEND=noninteractive \
        sh -c 'apt-get -o Acquire::Languages=none update && apt-get install -y --no-install-recommends postgresql-15'
    release_mounts
    rm -f "$tree/usr/sbin/policy-rc.d" "$tree/etc/resolv.conf"
}

# Drops the LLVM JIT (libLLVM, z3, bitcode), which PostgreSQL never loads with jit = off, and the
# localedef sources of the "locales" package (the server uses glibc's built-in C.UTF-8).
trim_postgresql() {
    local tree=$1
    rm -rf "$tree"/usr/share/i18n/{locales,charmaps} \
        "$tree"/usr/lib/postgresql/15/lib/bitcode \
        "$tree"/usr/lib/postgresql/15/lib/llvmjit*.so \
        "$tree"/usr/lib/llvm-* \
        "$tree"/usr/lib/x86_64-linux-gnu/libLLVM-*.so* \
        "$tree"/usr/lib/x86_64-linux-gnu/libz3.so*
    echo 'jit = off' >>"$tree/usr/share/postgresql/15/postgresql.conf.sample"
}

write_postgres_entrypoint() {
    local entrypoint=$1/usr/local/bin/fovea-postgres-entrypoint
    cat >"$entrypoint" <<'ENTRYPOINT'
#!/bin/sh
# Like the official postgres image's entrypoint: on first start, initdb with the superuser
# POSTGRES_USER/POSTGRES_PASSWORD, create POSTGRES_DB on a temporary socket-only server, stop it,
# then run the real server on 127.0.0.1:$PGPORT. The log says "database system is ready to accept
# connections" twice, the second time when clients can connect (Testcontainers waits for it).
# Arguments: "postgres [options]" or "[options]" add server options (e.g. -c fsync=off);
# any other command is executed as is.
set -eu

export POSTGRES_USER="${POSTGRES_USER:-fovea}"
export POSTGRES_PASSWORD="${POSTGRES_PASSWORD:-fovea}"
export POSTGRES_DB="${POSTGRES_DB:-fovea}"
export PGPORT="${PGPORT:-5432}"
export PGDATA="${PGDATA:-/var/lib/postgresql/data}"
PG_BIN=/usr/lib/postgresql/15/bin

if [ "${1:-}" = postgres ]; then
    shift
fi
case "${1:-}" in
    '' | -*) ;;
    *) exec "$@" ;;
esac

if [ "$(id -u)" = 0 ]; then
    mkdir -p "$PGDATA" /var/run/postgresql
    chown postgres:postgres "$PGDATA" /var/run/postgresql
    chmod 700 "$PGDATA"
    exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi

if [ ! -s "$PGDATA/PG_VERSION" ]; then
    pwfile=$(mktemp)
    printf '%s\n' "$POSTGRES_PASSWORD" >"$pwfile"
    "$PG_BIN/initdb" --pgdata="$PGDATA" --username="$POSTGRES_USER" --pwfile="$pwfile" \
        --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8
    rm -f "$pwfile"

    "$PG_BIN/pg_ctl" --pgdata="$PGDATA" --wait --options="-c listen_addresses='' -p $PGPORT" start
    "$PG_BIN/psql" -v ON_ERROR_STOP=1 --no-password --username="$POSTGRES_USER" --dbname=postgres \
        --set=db="$POSTGRES_DB" <<'SQL'
SELECT format('CREATE DATABASE %I', :'db')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db')\gexec
SQL
    "$PG_BIN/pg_ctl" --pgdata="$PGDATA" --wait --mode=fast stop
    echo "fovea-postgres-entrypoint: initialised $PGDATA; starting the server"
fi

exec "$PG_BIN/postgres" -D "$PGDATA" -c listen_addresses=127.0.0.1 -p "$PGPORT" "$@"
ENTRYPOINT
    chmod 755 "$entrypoint"
}

build_postgres_image() {
    ensure_base_rootfs
    local tree=$CACHE/postgres-rootfs started=$SECONDS
    log "$POSTGRES_IMAGE: apt-get install postgresql-15 in a copy of the base tree ..."
    fresh_rootfs_copy "$tree"
    install_postgresql "$tree"
    [[ -x $tree/usr/bin/setpriv ]] || die "setpriv (util-linux) is missing from the Debian tree"
    trim_postgresql "$tree"
    trim_rootfs "$tree"
    write_postgres_entrypoint "$tree"
    import_rootfs "$tree" "$POSTGRES_IMAGE" \
        'ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        'ENV LANG=C.UTF-8' \
        'ENV PGDATA=/var/lib/postgresql/data' \
        'EXPOSE 5432' \
        'ENTRYPOINT ["/usr/local/bin/fovea-postgres-entrypoint"]' \
        'CMD ["postgres"]'
    log "$POSTGRES_IMAGE: done in $((SECONDS - started))s"
}

build_if_needed() {
    local tag=$1 build=$2
    if image_exists "$tag" && ! $FORCE; then
        log "$tag: already present, skipped (--force rebuilds it)"
        return
    fi
    "$build"
}

main() {
    while (($#)); do
        case $1 in
            --force) FORCE=true ;;
            -h | --help) usage; exit 0 ;;
            *) usage >&2; die "unknown argument: $1" ;;
        esac
        shift
    done
    trap release_mounts EXIT
    trap 'exit 130' INT TERM
    check_prerequisites
    build_if_needed "$JAVA_IMAGE" build_java_image
    build_if_needed "$POSTGRES_IMAGE" build_postgres_image
    log "images ready: $JAVA_IMAGE $POSTGRES_IMAGE"
}

main "$@"
