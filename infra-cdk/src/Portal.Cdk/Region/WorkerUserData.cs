using Amazon.CDK;

namespace Portal.Cdk.Region;

/// <summary>
/// User data of worker instances (ECS-optimised Amazon Linux 2023): install the Lustre client and mount the region's
/// FSx for Lustre file system at <c>/fsx</c>, then the NVMe store at <c>/scratch</c> (Dask spills there), and only
/// then join the ECS cluster. An instance that cannot mount <c>/fsx</c>, or loses the mount later, never takes a
/// worker: it keeps the ECS agent off and tells Auto Scaling it is unhealthy, which replaces it.
/// </summary>
/// <remarks>
/// The ECS agent starts after cloud-init's final stage (the user data) and joins the cluster named in
/// <c>/etc/ecs/ecs.config</c>; that line is written last, so a failure anywhere before it leaves the instance out of
/// the cluster, where tasks would otherwise start on an empty <c>/fsx</c>.
/// </remarks>
internal static class WorkerUserData
{
    /// <summary>Marks this instance unhealthy (argument: its id); a stopped instance is replaced too, if the call fails.</summary>
    public const string UnhealthyCommand = "/usr/local/bin/portal-worker-unhealthy";

    /// <summary>How often a running worker checks that <c>/fsx</c> is still a Lustre mount.</summary>
    public const string MountCheckInterval = "1min";

    public static string Build(string clusterName, string fileSystemDnsName, string mountName) =>
        Fn.Base64(Script(clusterName, fileSystemDnsName, mountName));

    public static string Script(string clusterName, string fileSystemDnsName, string mountName) =>
        Fn.Join("", [
            "#!/bin/bash\n",
            "set -euxo pipefail\n",
            "IMDS=http://169.254.169.254/latest\n",
            "TOKEN=$(curl -fsS -X PUT \"$IMDS/api/token\" -H 'X-aws-ec2-metadata-token-ttl-seconds: 300')\n",
            "INSTANCE=$(curl -fsS -H \"X-aws-ec2-metadata-token: $TOKEN\" \"$IMDS/meta-data/instance-id\")\n",
            "REGION=$(curl -fsS -H \"X-aws-ec2-metadata-token: $TOKEN\" \"$IMDS/meta-data/placement/region\")\n",
            "cat > ", UnhealthyCommand, " <<PORTAL_UNHEALTHY\n",
            "#!/bin/bash\n",
            "# Keep ECS off this instance and have Auto Scaling replace it; if that call fails, stopping does it too.\n",
            "systemctl mask --now ecs || true\n",
            "aws autoscaling set-instance-health --region $REGION --instance-id \\$1 --health-status Unhealthy --no-should-respect-grace-period || shutdown -h now\n",
            "PORTAL_UNHEALTHY\n",
            "chmod 755 ", UnhealthyCommand, "\n",
            "trap '", UnhealthyCommand, " \"$INSTANCE\"' ERR\n",
            "dnf install -y lustre-client\n",
            "mkdir -p /fsx /scratch\n",
            "mount -t lustre -o relatime,flock ", fileSystemDnsName, "@tcp:/", mountName, " /fsx\n",
            "findmnt -t lustre /fsx\n",
            "for disk in $(lsblk -dpno NAME,MODEL | awk '/Instance Storage/ {print $1}' | head -n 1); do\n",
            "  mkfs.xfs -f \"$disk\" && mount \"$disk\" /scratch\n",
            "done\n",
            "chmod 1777 /scratch\n",
            "cat > /etc/systemd/system/portal-fsx-check.service <<PORTAL_CHECK\n",
            "[Unit]\n",
            "Description=Portal: mark this worker unhealthy when /fsx is not mounted\n",
            "[Service]\n",
            "Type=oneshot\n",
            // stat first: after a reboot /fsx is an automount point until something reads it.
            "ExecStart=/bin/bash -c 'timeout 60 stat -t /fsx/ > /dev/null 2>&1; findmnt -t lustre /fsx > /dev/null || ", UnhealthyCommand, " $INSTANCE'\n",
            "PORTAL_CHECK\n",
            "cat > /etc/systemd/system/portal-fsx-check.timer <<PORTAL_TIMER\n",
            "[Unit]\n",
            "Description=Portal: check /fsx every ", MountCheckInterval, "\n",
            "[Timer]\n",
            "OnActiveSec=", MountCheckInterval, "\n",
            "OnUnitActiveSec=", MountCheckInterval, "\n",
            "[Install]\n",
            "WantedBy=timers.target\n",
            "PORTAL_TIMER\n",
            "systemctl daemon-reload\n",
            "systemctl enable --now portal-fsx-check.timer\n",
            // After the reload: the generated automount takes over at the next boot, not over today's mount.
            "echo '", fileSystemDnsName, "@tcp:/", mountName, " /fsx lustre defaults,relatime,flock,_netdev,x-systemd.automount,x-systemd.requires=network.service 0 0' >> /etc/fstab\n",
            "echo ECS_CLUSTER=", clusterName, " >> /etc/ecs/ecs.config\n",
            "echo ECS_ENABLE_CONTAINER_METADATA=true >> /etc/ecs/ecs.config\n",
        ]);
}
