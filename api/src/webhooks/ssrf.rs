//! Outbound calls to addresses that people type in (webhook URLs) must not reach the
//! city's internal network or the server itself (SSRF). A URL naming a private address is
//! refused when it is saved and when it is called; host names are resolved by a resolver
//! that drops private addresses, so a name that points inside fails to connect, also when
//! its DNS answer changes after the URL was saved. Redirects are not followed.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use reqwest::Url;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};

/// Whether an address is reachable on the public internet: not loopback, private,
/// link-local, shared (CGNAT), documentation, benchmarking, multicast or unspecified.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => is_public_v4(v4),
            None => is_public_v6(v6),
        },
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, ..] = ip.octets();
    let shared = a == 100 && (64..128).contains(&b);
    let benchmarking = a == 198 && (18..20).contains(&b);
    let reserved = a >= 240 || a == 0;
    !(ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_broadcast()
        || ip.is_documentation()
        || ip.is_multicast()
        || ip.is_unspecified()
        || shared
        || benchmarking
        || reserved)
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    let documentation = ip.segments()[0] == 0x2001 && ip.segments()[1] == 0x0db8;
    !(ip.is_loopback()
        || ip.is_unspecified()
        || ip.is_multicast()
        || ip.is_unique_local()
        || ip.is_unicast_link_local()
        || documentation)
}

/// Why a URL is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Not an absolute http(s) URL with a host.
    Invalid,
    /// It names a private or loopback address.
    Private,
}

/// Checks a webhook URL. With `allow_private` (a deployment whose receivers live on its own
/// network, or a test), private addresses are accepted.
pub fn check_url(url: &str, allow_private: bool) -> Result<Url, Refusal> {
    let parsed = Url::parse(url).map_err(|_| Refusal::Invalid)?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(Refusal::Invalid);
    }
    let private = match parsed.host() {
        None => return Err(Refusal::Invalid),
        Some(url::Host::Ipv4(ip)) => !is_public(IpAddr::V4(ip)),
        Some(url::Host::Ipv6(ip)) => !is_public(IpAddr::V6(ip)),
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost") || name.ends_with(".localhost"),
    };
    if private && !allow_private {
        return Err(Refusal::Private);
    }
    Ok(parsed)
}

/// A DNS resolver that returns only public addresses.
#[derive(Debug, Default)]
pub struct PublicOnlyResolver;

impl Resolve for PublicOnlyResolver {
    fn resolve(&self, name: Name) -> Resolving {
        Box::pin(async move {
            let host = name.as_str().to_owned();
            let addresses: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0))
                .await?
                .filter(|address| is_public(address.ip()))
                .collect();
            if addresses.is_empty() {
                return Err(format!("{host} resolves to no public address").into());
            }
            let addrs: Addrs = Box::new(addresses.into_iter());
            Ok(addrs)
        })
    }
}

/// The client for webhook deliveries: no redirects, and unless private targets are
/// allowed, only public addresses.
pub fn client(allow_private: bool) -> reqwest::Result<reqwest::Client> {
    let builder = reqwest::Client::builder()
        .user_agent(concat!("Kontakt-Webhooks/", env!("CARGO_PKG_VERSION")))
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(std::time::Duration::from_secs(5))
        .timeout(std::time::Duration::from_secs(10));
    if allow_private {
        builder.build()
    } else {
        builder.dns_resolver(std::sync::Arc::new(PublicOnlyResolver)).build()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_and_special_addresses_are_not_public() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "255.255.255.255",
            "::1",
            "::",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
        ] {
            assert!(!is_public(ip.parse().unwrap()), "{ip} counted as public");
        }
        for ip in ["93.184.216.34", "8.8.8.8", "2a00:1450:4001:80b::200e"] {
            assert!(is_public(ip.parse().unwrap()), "{ip} counted as private");
        }
    }

    #[test]
    fn urls_naming_private_hosts_are_refused_unless_allowed() {
        assert_eq!(
            check_url("http://127.0.0.1:9000/hook", false).err(),
            Some(Refusal::Private)
        );
        assert_eq!(check_url("http://[::1]/hook", false).err(), Some(Refusal::Private));
        assert_eq!(check_url("http://localhost/hook", false).err(), Some(Refusal::Private));
        assert_eq!(
            check_url("http://169.254.169.254/latest", false).err(),
            Some(Refusal::Private)
        );
        assert_eq!(check_url("ftp://example.org/", false).err(), Some(Refusal::Invalid));
        assert_eq!(check_url("not a url", false).err(), Some(Refusal::Invalid));
        assert!(check_url("https://hooks.example.org/kontakt", false).is_ok());
        assert!(check_url("http://127.0.0.1:9000/hook", true).is_ok());
    }
}
