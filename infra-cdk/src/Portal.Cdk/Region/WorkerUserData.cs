using Amazon.CDK;

namespace Portal.Cdk.Region;

/// <summary>
/// User data of worker instances (ECS-optimised Amazon Linux 2023): join the cluster, mount the region's FSx for
/// Lustre file system at <c>/fsx</c> and the instance's NVMe store at <c>/scratch</c> (Dask spills there).
/// </summary>
internal static class WorkerUserData
{
    public static string Build(string clusterName, string fileSystemDnsName, string mountName) =>
        Fn.Base64(Fn.Join("", [
            "#!/bin/bash\n",
            "set -euxo pipefail\n",
            "echo ECS_CLUSTER=", clusterName, " >> /etc/ecs/ecs.config\n",
            "echo ECS_ENABLE_CONTAINER_METADATA=true >> /etc/ecs/ecs.config\n",
            "dnf install -y lustre-client\n",
            "mkdir -p /fsx /scratch\n",
            "mount -t lustre -o relatime,flock ", fileSystemDnsName, "@tcp:/", mountName, " /fsx\n",
            "echo '", fileSystemDnsName, "@tcp:/", mountName, " /fsx lustre defaults,relatime,flock,_netdev,x-systemd.automount,x-systemd.requires=network.service 0 0' >> /etc/fstab\n",
            "for disk in $(lsblk -dpno NAME,MODEL | awk '/Instance Storage/ {print $1}' | head -n 1); do\n",
            "  mkfs.xfs -f \"$disk\" && mount \"$disk\" /scratch\n",
            "done\n",
            "chmod 1777 /scratch\n",
        ]));
}
