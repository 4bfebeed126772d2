// The XSLT that Atom and RSS feeds point at: a feed opened in a browser becomes a readable page that says
// what it is and how to subscribe. Feed readers ignore it; the feeds stay valid. (Chrome plans to drop XSLT:
// there the raw XML shows, as before.)
export const FEED_XSL = `<?xml version="1.0" encoding="utf-8"?>
<xsl:stylesheet version="1.0" xmlns="http://www.w3.org/1999/xhtml" \
xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="http://www.w3.org/2005/Atom" \
exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="utf-8" indent="no" doctype-system="about:legacy-compat"/>
  <xsl:variable name="title" select="/atom:feed/atom:title | /rss/channel/title"/>
  <xsl:variable name="self" select="/atom:feed/atom:link[@rel='self']/@href | \
/rss/channel/atom:link[@rel='self']/@href"/>
  <xsl:variable name="home" select="/atom:feed/atom:link[@rel='alternate']/@href | /rss/channel/link"/>
  <xsl:variable name="next" select="/atom:feed/atom:link[@rel='next']/@href | \
/rss/channel/atom:link[@rel='next']/@href"/>
  <xsl:template match="/">
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/> (feed)</title>
        <link rel="stylesheet" href="/style.css"/>
      </head>
      <body>
        <header class="site"><a class="brand" href="/">Home</a></header>
        <main>
          <p class="notice">This is a <strong>web feed</strong>. Subscribe to it in a feed reader to get new \
articles as they are published.</p>
          <h1><xsl:value-of select="$title"/></h1>
          <p class="meta"><xsl:value-of select="/atom:feed/atom:subtitle | /rss/channel/description"/></p>
          <section class="subscribe" aria-labelledby="subscribe">
            <h2 id="subscribe">Subscribe</h2>
            <label for="feed-url">Copy this address into your feed reader:</label>
            <input id="feed-url" class="copy" type="text" readonly="readonly" value="{$self}"/>
            <p>Or open it in
              <a href="https://feedly.com/i/subscription/feed/{$self}">Feedly</a>,
              <a href="https://www.inoreader.com/?add_feed={$self}">Inoreader</a>,
              <a href="https://www.newsblur.com/?url={$self}">NewsBlur</a> or
              <a href="https://theoldreader.com/feeds/subscribe?url={$self}">The Old Reader</a>.
            </p>
            <p><a href="{$home}">See these articles as a web page</a></p>
          </section>
          <h2>Articles</h2>
          <ol class="articles">
            <xsl:apply-templates select="/atom:feed/atom:entry | /rss/channel/item"/>
          </ol>
          <xsl:if test="$next"><p><a href="{$next}" rel="next">Older articles</a></p></xsl:if>
        </main>
      </body>
    </html>
  </xsl:template>
  <xsl:template match="atom:entry">
    <li dir="auto">
      <a class="title" href="{atom:link/@href}"><xsl:value-of select="atom:title" disable-output-escaping="yes"/></a>
      <div class="meta"><time datetime="{substring(atom:published, 1, 10)}"><xsl:value-of \
select="substring(atom:published, 1, 10)"/></time></div>
      <p class="excerpt"><xsl:value-of select="atom:summary" disable-output-escaping="yes"/></p>
    </li>
  </xsl:template>
  <xsl:template match="item">
    <li dir="auto">
      <a class="title" href="{link}"><xsl:value-of select="title"/></a>
      <div class="meta"><xsl:value-of select="pubDate"/></div>
      <p class="excerpt"><xsl:value-of select="description" disable-output-escaping="yes"/></p>
    </li>
  </xsl:template>
</xsl:stylesheet>
`;
