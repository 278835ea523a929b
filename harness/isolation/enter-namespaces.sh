# The first process of a hermetic grading's namespaces (unshare runs it): brings up the private
# network, then runs "$@", sockgrade's grader, and exits with its status. Run by
# harness/isolation/namespace.ts and by bin/sockgrade; the namespace probe runs it too.
#
# - Network: only a loopback interface, with 127.0.0.2 (glibc's AI_ADDRCONFIG look-ups need an
#   IPv4 address other than 127.0.0.1 to return IPv4 at all) and a local route for the whole IPv4
#   range. Exits 97, before running anything, when that cannot be set up.
# - Connection table: a network namespace shares the host's TCP table (hundreds of thousands of
#   buckets) unless its parent asked for one of its own (tcp_child_ehash_entries, Linux 6.1), and
#   reading /proc/net/tcp, which the server start-up poll does, walks every bucket (about 4 ms a
#   read, 0.1 ms with a table of its own). Where the kernel allows, this asks for 4096 buckets for
#   the namespaces made from the first one and runs the grader in one of those, with the host's
#   TIME-WAIT and SYN-queue limits (the kernel derives them from the table's size).
# - SOCKGRADE_ENTERED (bin/sockgrade's fast path): a file to create once the network is up; until
#   then stderr is /dev/null and the real one is fd 3, so a failure to enter prints nothing and the
#   launcher can hand the grading to the Node CLI, which says why.
ipv4=/proc/sys/net/ipv4
if [ "${1-}" = --inside ]; then
  [ -n "$2" ] && echo "$2" 2>/dev/null > $ipv4/tcp_max_tw_buckets
  [ -n "$3" ] && echo "$3" 2>/dev/null > $ipv4/tcp_max_syn_backlog
  shift 3
  ip -batch - << 'END' || exit 97
link set lo up
addr add 127.0.0.2/8 dev lo
route add local 0.0.0.0/0 dev lo
END
  if [ -n "${SOCKGRADE_ENTERED-}" ]; then
    : > "$SOCKGRADE_ENTERED"
    unset SOCKGRADE_ENTERED
    exec 2>&3 3>&-
  fi
  # Nothing outside is reachable from here and the grader makes no TLS connection, but Node reads
  # and parses this certificate bundle at every start (50 to 90 ms on a machine that sets it).
  unset NODE_EXTRA_CA_CERTS
  "$@"
  exit $?
fi
if echo 4096 2>/dev/null > $ipv4/tcp_child_ehash_entries; then
  read -r tw < $ipv4/tcp_max_tw_buckets
  read -r syn < $ipv4/tcp_max_syn_backlog
  exec unshare --net /bin/sh "$0" --inside "$tw" "$syn" "$@"
fi
exec /bin/sh "$0" --inside "" "" "$@"
