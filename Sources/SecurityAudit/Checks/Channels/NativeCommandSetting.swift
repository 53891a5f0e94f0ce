/// `true`, `false` or `auto` (anything else is unset), as `coerceNativeSetting` reads
/// `commands.native` / `commands.nativeSkills`.
enum NativeCommandSetting {
    /// A provider setting wins over the global one; `auto` and unset mean the plugin's
    /// default, which is on for Discord and Telegram and off elsewhere.
    static func isEnabled(channel: KnownChannel, provider: ConfigNode?, global: ConfigNode?, coerceProvider: Bool = true) -> Bool {
        let providerSet: Bool
        if coerceProvider {
            providerSet = provider?.bool != nil || provider?.string == "auto"
        } else {
            providerSet = provider != nil && provider?.isNull == false
        }
        let setting = providerSet ? provider : global
        if let value = setting?.bool { return value }
        return channel == .discord || channel == .telegram
    }
}
