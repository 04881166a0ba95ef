#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, for the end-to-end test of sharded stress tests (and for trying the
# sbatch scripts without a real cluster). Everything listens on 127.0.0.1; the daemons are started and stopped by
# the PIDs this script records, never by name.
#
#   deploy/slurm/local-cluster.sh install   # as root, once: Debian's slurmctld slurmd slurm-client munge
#   deploy/slurm/local-cluster.sh start     # writes $LINESIM_SLURM_DIR/slurm.conf, starts munged, slurmctld, slurmd
#   export SLURM_CONF=$LINESIM_SLURM_DIR/slurm.conf   # what start prints; sbatch/squeue/sinfo then use this cluster
#   deploy/slurm/local-cluster.sh stop      # stops exactly the daemons start started
#
# State lives in LINESIM_SLURM_DIR (default /tmp/linesim-slurm). No accounting, no cgroups: proctrack/linuxproc and
# task/none, so it runs in containers too. Needs root (slurmd starts jobs as the submitting user).
set -euo pipefail

DIR=${LINESIM_SLURM_DIR:-/tmp/linesim-slurm}
CONF=$DIR/slurm.conf
NODE=linesim-node
CTLD_PORT=${LINESIM_SLURMCTLD_PORT:-6817}
SLURMD_PORT=${LINESIM_SLURMD_PORT:-6818}
MUNGE_SOCKET=$DIR/munge/munge.socket

die() { echo "local-cluster: $*" >&2; exit 1; }

alive() { [[ -f $1 ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

install() {
    [[ $(id -u) -eq 0 ]] || die "install needs root"
    if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurmctld slurmd slurm-client munge >/dev/null
    fi
}

write_conf() {
    local cpus
    cpus=$(nproc)
    mkdir -p "$DIR/state" "$DIR/spool" "$DIR/munge"
    cat >"$CONF" <<CONF
# Written by deploy/slurm/local-cluster.sh: one node on 127.0.0.1, no accounting.
ClusterName=linesim
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$CTLD_PORT
SlurmdPort=$SLURMD_PORT
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$MUNGE_SOCKET
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool
SlurmctldPidFile=$DIR/slurmctld.pid
SlurmdPidFile=$DIR/slurmd.pid
SlurmctldLogFile=$DIR/slurmctld.log
SlurmdLogFile=$DIR/slurmd.log
MaxArraySize=10001
NodeName=$NODE NodeAddr=127.0.0.1 NodeHostname=$NODE CPUs=$cpus State=UNKNOWN
PartitionName=linesim Nodes=$NODE Default=YES MaxTime=INFINITE State=UP OverSubscribe=YES
CONF
}

start() {
    [[ $(id -u) -eq 0 ]] || die "start needs root"
    command -v slurmctld >/dev/null || die "Slurm is not installed (run: $0 install)"
    alive "$DIR/slurmctld.pid" && die "already running (state in $DIR); stop it first"
    write_conf
    export SLURM_CONF=$CONF

    # munged as user munge, with its own socket, PID and log in the cluster folder.
    chown munge:munge "$DIR/munge"
    runuser -u munge -- /usr/sbin/munged --socket="$MUNGE_SOCKET" --pid-file="$DIR/munge/munged.pid" \
        --log-file="$DIR/munge/munged.log" --seed-file="$DIR/munge/munged.seed" --key-file=/etc/munge/munge.key
    /usr/sbin/slurmctld -f "$CONF"
    /usr/sbin/slurmd -f "$CONF" -N "$NODE"

    # Ready when the node takes jobs.
    for _ in $(seq 1 100); do
        if sinfo -h -N -o '%t' 2>/dev/null | grep -Eq '^(idle|mix|alloc)'; then
            echo "export SLURM_CONF=$CONF"
            return 0
        fi
        sleep 0.2
    done
    tail -n 20 "$DIR/slurmctld.log" "$DIR/slurmd.log" >&2 || true
    stop
    die "the node did not come up"
}

stop() {
    local pidfile pid
    for pidfile in "$DIR/slurmd.pid" "$DIR/slurmctld.pid" "$DIR/munge/munged.pid"; do
        if alive "$pidfile"; then
            pid=$(cat "$pidfile")
            kill "$pid"
            for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
            kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
        fi
        rm -f "$pidfile"
    done
}

case ${1:-} in
    install) install ;;
    start) start ;;
    stop) stop ;;
    *) die "usage: $0 install|start|stop" ;;
esac
