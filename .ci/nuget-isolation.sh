# Sourced by .ci/consume-packages.sh and .ci/compile-readme-csharp.sh: a restore of the packed Plaid.Partner packages
# must take them from the packed folder, never from an earlier pack of the same version left in the machine's NuGet
# cache, and must not leave them there either. So those scripts restore into a NuGet cache of their own
# (NUGET_PACKAGES) and use the machine's cache only as a read-only fallback for everything else (the packages'
# dependencies, without downloading them again), through a folder of links to each package in it but Plaid.Partner's.

# The machine's NuGet cache, as it was before any script here pointed NUGET_PACKAGES elsewhere.
machine_nuget_packages() {
  if [ -z "${PLAID_MACHINE_NUGET_PACKAGES:-}" ]; then
    PLAID_MACHINE_NUGET_PACKAGES=$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: *//p')
    export PLAID_MACHINE_NUGET_PACKAGES=${PLAID_MACHINE_NUGET_PACKAGES%/}
  fi
  echo "$PLAID_MACHINE_NUGET_PACKAGES"
}

# nuget_fallback_folder WORK: makes WORK/machine-packages, a link to every package of the machine's cache except
# plaid.partner and plaid.partner.*, and prints its path.
nuget_fallback_folder() {
  local machine fallback package
  machine=$(machine_nuget_packages)
  fallback="$1/machine-packages"
  if [ ! -d "$fallback" ]; then
    mkdir -p "$fallback"
    if [ -d "$machine" ]; then
      for package in "$machine"/*; do
        case "${package##*/}" in
          plaid.partner | plaid.partner.*) ;;
          *) ln -s "$package" "$fallback/" ;;
        esac
      done
    fi
  fi
  echo "$fallback"
}
