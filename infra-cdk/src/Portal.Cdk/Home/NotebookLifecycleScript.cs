using System.Globalization;
using System.Text;
using Portal.Cdk.Naming;
using Portal.Cdk.Settings;

namespace Portal.Cdk.Home;

/// <summary>
/// The OnStart script of notebook instances: installs the pinned Dask client (the very list the Dask image installs)
/// into a conda environment on the persistent volume, adds the portal's notebook helper from the artifacts bucket and
/// registers the kernel <c>portal-dask</c>. It runs in the background because OnStart must finish within 5 minutes.
/// </summary>
internal static class NotebookLifecycleScript
{
    /// <summary>SageMaker's limit for one lifecycle script, base64-encoded.</summary>
    public const int MaxBase64Length = 16384;

    public static string Build(DaskPins pins, string artifactsBucket)
    {
        ArgumentNullException.ThrowIfNull(pins);
        var env = $"/home/ec2-user/SageMaker/.portal/{pins.EnvironmentName}";
        var c = CultureInfo.InvariantCulture;
        var script = new StringBuilder()
            .Append("#!/bin/bash\n")
            .Append("# Portal: pinned Dask client and notebook helper (infra-cdk, HomeFoundation; versions from docker/dask/requirements.txt).\n")
            .Append("set -euo pipefail\n")
            .Append("cat > /home/ec2-user/portal-requirements.txt <<'PORTAL_REQUIREMENTS'\n")
            .Append(string.Join('\n', pins.Requirements)).Append('\n')
            .Append("PORTAL_REQUIREMENTS\n")
            .Append("cat > /home/ec2-user/portal-setup.sh <<'PORTAL_SETUP'\n")
            .Append("#!/bin/bash\n")
            .Append("set -euo pipefail\n")
            .Append(c, $"ENV={env}\n")
            .Append("source /home/ec2-user/anaconda3/bin/activate\n")
            .Append("if [ ! -x \"$ENV/bin/python\" ]; then\n")
            .Append(c, $"  conda create --yes --quiet --prefix \"$ENV\" python={pins.PythonVersion} pip ipykernel\n")
            .Append("fi\n")
            .Append("\"$ENV/bin/pip\" install --quiet --requirement /home/ec2-user/portal-requirements.txt\n")
            .Append("SITE=$(\"$ENV/bin/python\" -c 'import sysconfig; print(sysconfig.get_paths()[\"purelib\"])')\n")
            .Append(c, $"aws s3 sync --delete --only-show-errors \"s3://{artifactsBucket}/{PortalNames.NotebookHelperPrefix}/\" \"$SITE/portal_dask/\"\n")
            .Append(c, $"\"$ENV/bin/python\" -m ipykernel install --user --name {PortalNames.NotebookKernel} --display-name 'Portal (Dask {pins.DaskVersion})'\n")
            .Append("touch /home/ec2-user/SageMaker/.portal/ready\n")
            .Append("PORTAL_SETUP\n")
            .Append("chmod +x /home/ec2-user/portal-setup.sh\n")
            .Append("mkdir -p /home/ec2-user/SageMaker/.portal\n")
            .Append("rm -f /home/ec2-user/SageMaker/.portal/ready\n")
            .Append("chown -R ec2-user:ec2-user /home/ec2-user/portal-requirements.txt /home/ec2-user/portal-setup.sh /home/ec2-user/SageMaker/.portal\n")
            .Append("nohup sudo -u ec2-user -i /home/ec2-user/portal-setup.sh > /home/ec2-user/SageMaker/.portal/setup.log 2>&1 &\n");
        return script.ToString();
    }
}
