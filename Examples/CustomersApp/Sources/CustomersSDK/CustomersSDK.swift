// The Customers client is generated into this target at build time by SallaGenPlugin, from
// customers.yaml and sallagen.yaml beside this file; its code imports SallaRuntime, which
// users of the target get too.
@_exported import SallaRuntime
